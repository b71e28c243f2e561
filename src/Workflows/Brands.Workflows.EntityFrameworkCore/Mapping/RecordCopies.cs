using Brands.Workflows.Persistence;

namespace Brands.Workflows.EntityFrameworkCore.Mapping;

/// <summary>
/// Copies of the caller's records for the change tracker, so a commit never changes the objects it was given
/// (the same promise <see cref="InMemoryWorkflowStore"/> makes).
/// </summary>
internal static class RecordCopies
{
    public static InstanceRecord Copy(InstanceRecord r) => new()
    {
        Id = r.Id, DefinitionId = r.DefinitionId, DefinitionKey = r.DefinitionKey, DefinitionVersion = r.DefinitionVersion,
        BusinessKey = r.BusinessKey, Status = r.Status, ParentInstanceId = r.ParentInstanceId, ParentTokenId = r.ParentTokenId,
        RootInstanceId = r.RootInstanceId, VariablesJson = r.VariablesJson, StateJson = r.StateJson, CaseType = r.CaseType,
        OrganisationCode = r.OrganisationCode, Province = r.Province, Year = r.Year, StartedAt = r.StartedAt,
        EndedAt = r.EndedAt, Version = r.Version,
    };

    /// <summary>Also normalises the candidate lists (entries trimmed, empty ones dropped) so SQL can match members.</summary>
    public static TaskRecord Copy(TaskRecord r) => new()
    {
        Id = r.Id, InstanceId = r.InstanceId, DefinitionKey = r.DefinitionKey, BusinessKey = r.BusinessKey,
        ElementId = r.ElementId, TokenId = r.TokenId, Name = r.Name, Assignee = r.Assignee,
        CandidateUsers = NormaliseList(r.CandidateUsers), CandidateGroups = NormaliseList(r.CandidateGroups), DueAt = r.DueAt,
        FollowUpAt = r.FollowUpAt, Priority = r.Priority, FormRef = r.FormRef, FormRefBinding = r.FormRefBinding,
        State = r.State, CreatedAt = r.CreatedAt, EndedAt = r.EndedAt, CompletedBy = r.CompletedBy, Version = r.Version,
    };

    public static JobRecord Copy(JobRecord r) => new()
    {
        Id = r.Id, InstanceId = r.InstanceId, TokenId = r.TokenId, ElementId = r.ElementId, Kind = r.Kind,
        DueAt = r.DueAt, Retries = r.Retries, RetryCycle = r.RetryCycle, LockOwner = r.LockOwner,
        LockExpiresAt = r.LockExpiresAt, LastError = r.LastError, CreatedAt = r.CreatedAt,
    };

    public static IncidentRecord Copy(IncidentRecord r) => new()
    {
        Id = r.Id, InstanceId = r.InstanceId, JobId = r.JobId, ElementId = r.ElementId, Kind = r.Kind,
        Message = r.Message, CreatedAt = r.CreatedAt, ResolvedAt = r.ResolvedAt,
    };

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
