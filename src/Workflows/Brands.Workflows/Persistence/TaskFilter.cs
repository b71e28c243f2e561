namespace Brands.Workflows.Persistence;

/// <summary>The meaning of a <see cref="TaskQuery"/>, for stores that filter in memory.</summary>
public static class TaskFilter
{
    public static bool Matches(TaskRecord task, TaskQuery query)
    {
        if (query.InstanceId is { } instanceId && task.InstanceId != instanceId)
        {
            return false;
        }

        if (query.Assignee is { } assignee && task.Assignee != assignee)
        {
            return false;
        }

        if (query.DueBefore is { } dueBefore && !(task.DueAt < dueBefore))
        {
            return false;
        }

        if (query.CandidateUser is null && query.CandidateGroups is null)
        {
            return true;
        }

        return task.Assignee is null
            && ((query.CandidateUser is { } user && SplitList(task.CandidateUsers).Contains(user))
                || (query.CandidateGroups is { } groups && SplitList(task.CandidateGroups).Intersect(groups).Any()));
    }

    /// <summary>Splits a stored comma-separated list.</summary>
    public static IEnumerable<string> SplitList(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
