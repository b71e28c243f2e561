using Brands.Workflows.Persistence;

namespace Brands.Workflows.EntityFrameworkCore.Mapping;

/// <summary>
/// Copies of the caller's records for the change tracker, so a commit never changes the objects it was given
/// (the same promise <see cref="InMemoryWorkflowStore"/> makes).
/// </summary>
internal static class RecordCopies
{
    public static InstanceRecord Copy(InstanceRecord r) => r.Clone();

    /// <summary>Also normalises the candidate lists (entries trimmed, empty ones dropped) so SQL can match members.</summary>
    public static TaskRecord Copy(TaskRecord r)
    {
        var copy = r.Clone();
        copy.CandidateUsers = NormaliseList(r.CandidateUsers);
        copy.CandidateGroups = NormaliseList(r.CandidateGroups);
        return copy;
    }

    public static JobRecord Copy(JobRecord r) => r.Clone();

    public static IncidentRecord Copy(IncidentRecord r) => r.Clone();

    public static string? NormaliseList(string? list)
    {
        if (list is null)
        {
            return null;
        }

        var entries = TaskFilter.SplitList(list).ToList();
        return entries.Count == 0 ? null : string.Join(',', entries);
    }
}
