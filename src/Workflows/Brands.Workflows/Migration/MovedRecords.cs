using Brands.Workflows.Persistence;

namespace Brands.Workflows.Migration;

/// <summary>
/// The rows of a migrated case under the target version: copies with the same ids and versions (the store's guards
/// compare them) and the target's definition and element ids, which the records hold as init-only.
/// </summary>
internal static class MovedRecords
{
    public static InstanceRecord Instance(InstanceRecord r, DefinitionRecord target, string stateJson) => new()
    {
        Id = r.Id,
        DefinitionId = target.Id,
        DefinitionKey = target.Key,
        DefinitionVersion = target.Version,
        BusinessKey = r.BusinessKey,
        Status = r.Status,
        ParentInstanceId = r.ParentInstanceId,
        ParentTokenId = r.ParentTokenId,
        RootInstanceId = r.RootInstanceId,
        VariablesJson = r.VariablesJson,
        StateJson = stateJson,
        CaseType = r.CaseType,
        OrganisationCode = r.OrganisationCode,
        Province = r.Province,
        Year = r.Year,
        StartedAt = r.StartedAt,
        EndedAt = r.EndedAt,
        Version = r.Version,
    };

    /// <summary>The task under its target element; it takes the target's name when the name was the source element's.</summary>
    public static TaskRecord Task(TaskRecord t, MigrationMapping mapping)
    {
        var to = mapping.Map(t.ElementId) ?? t.ElementId;
        var sourceName = mapping.SourceProcess.AllNodes.GetValueOrDefault(t.ElementId)?.Name;
        var targetName = mapping.TargetProcess.AllNodes[to].Name;
        return new TaskRecord
        {
            Id = t.Id,
            InstanceId = t.InstanceId,
            DefinitionKey = t.DefinitionKey,
            BusinessKey = t.BusinessKey,
            OrganisationCode = t.OrganisationCode,
            Province = t.Province,
            ElementId = to,
            TokenId = t.TokenId,
            Name = t.Name == sourceName && targetName is not null ? targetName : t.Name,
            Assignee = t.Assignee,
            CandidateUsers = t.CandidateUsers,
            CandidateGroups = t.CandidateGroups,
            DueAt = t.DueAt,
            FollowUpAt = t.FollowUpAt,
            Priority = t.Priority,
            FormRef = t.FormRef,
            FormRefBinding = t.FormRefBinding,
            State = t.State,
            CreatedAt = t.CreatedAt,
            EndedAt = t.EndedAt,
            CompletedBy = t.CompletedBy,
            Version = t.Version,
        };
    }

    public static JobRecord Job(JobRecord j, string elementId) => new()
    {
        Id = j.Id,
        InstanceId = j.InstanceId,
        DefinitionId = j.DefinitionId,
        TokenId = j.TokenId,
        ElementId = elementId,
        Kind = j.Kind,
        DueAt = j.DueAt,
        Retries = j.Retries,
        RetryCycle = j.RetryCycle,
        LockOwner = j.LockOwner,
        LockExpiresAt = j.LockExpiresAt,
        LastError = j.LastError,
        PayloadJson = j.PayloadJson,
        CreatedAt = j.CreatedAt,
    };

    public static IncidentRecord Incident(IncidentRecord i, string elementId) => new()
    {
        Id = i.Id,
        InstanceId = i.InstanceId,
        JobId = i.JobId,
        ElementId = elementId,
        Kind = i.Kind,
        Message = i.Message,
        CreatedAt = i.CreatedAt,
        ResolvedAt = i.ResolvedAt,
    };
}
