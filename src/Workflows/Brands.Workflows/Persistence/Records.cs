namespace Brands.Workflows.Persistence;

/// <summary>A deployed version of one executable process. The XML is the whole file it came from.</summary>
public sealed class DefinitionRecord
{
    public required string Id { get; init; }
    /// <summary>The process id in the BPMN file; versions share it.</summary>
    public required string Key { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required string Xml { get; init; }
    /// <summary>SHA-256 of the XML: an identical redeploy finds it and creates no version.</summary>
    public required string ContentHash { get; init; }
    public required DateTimeOffset DeployedAt { get; init; }
}

/// <summary>Instance (case) status values as stored.</summary>
public static class InstanceStatus
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Terminated = "terminated";
}

/// <summary>A process instance. The token tree and scope variables live in <see cref="StateJson"/>.</summary>
public sealed class InstanceRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public InstanceRecord Clone() => (InstanceRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionKey { get; init; }
    public required int DefinitionVersion { get; init; }
    public string? BusinessKey { get; set; }
    public required string Status { get; set; }
    /// <summary>Set for instances started by a call activity.</summary>
    public Guid? ParentInstanceId { get; init; }
    public string? ParentTokenId { get; init; }
    public Guid RootInstanceId { get; init; }
    /// <summary>The case-level (root scope) variables as a JSON object; jsonb on PostgreSQL.</summary>
    public required string VariablesJson { get; set; }
    /// <summary>Tokens, child scopes and their local variables, as the engine serialises them.</summary>
    public required string StateJson { get; set; }
    public string? CaseType { get; set; }
    public string? OrganisationCode { get; set; }
    public string? Province { get; set; }
    public int? Year { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Optimistic concurrency: incremented by every commit that changes the instance.</summary>
    public long Version { get; set; }
}

/// <summary>Human task states as stored.</summary>
public static class TaskState
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

public sealed class TaskRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public TaskRecord Clone() => (TaskRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string DefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    public required string ElementId { get; init; }
    public required string TokenId { get; init; }
    public string? Name { get; init; }
    public string? Assignee { get; set; }
    /// <summary>Comma-separated user names.</summary>
    public string? CandidateUsers { get; set; }
    /// <summary>Comma-separated group names.</summary>
    public string? CandidateGroups { get; set; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public int Priority { get; init; }
    public string? FormRef { get; init; }
    public string? FormRefBinding { get; init; }
    public required string State { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? CompletedBy { get; set; }
    public long Version { get; set; }
}

/// <summary>Job kinds as stored.</summary>
public static class JobKind
{
    /// <summary>Continue a token that waits before an element (asyncBefore).</summary>
    public const string AsyncBefore = "async-before";
    /// <summary>Continue a token that waits after an element (asyncAfter).</summary>
    public const string AsyncAfter = "async-after";
    /// <summary>Run a service task's handler again after it failed.</summary>
    public const string ServiceTaskRetry = "service-task-retry";
    /// <summary>Enter an element again after an expression or script failed there (after an administrator's retry).</summary>
    public const string Retry = "retry";
}

public sealed class JobRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public JobRecord Clone() => (JobRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string TokenId { get; init; }
    public required string ElementId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset DueAt { get; set; }
    /// <summary>Attempts left; 0 means the job raised an incident and waits for an administrator.</summary>
    public required int Retries { get; set; }
    /// <summary>The element's failedJobRetryTimeCycle, e.g. R3/PT5M.</summary>
    public required string RetryCycle { get; init; }
    public string? LockOwner { get; set; }
    public DateTimeOffset? LockExpiresAt { get; set; }
    public string? LastError { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed class IncidentRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public IncidentRecord Clone() => (IncidentRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public Guid? JobId { get; init; }
    public required string ElementId { get; init; }
    /// <summary>failed-job, script, expression.</summary>
    public required string Kind { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>One append-only history entry. Entries of an instance form a hash chain.</summary>
public sealed class HistoryRecord
{
    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    /// <summary>Position in the instance's timeline, from 1.</summary>
    public required long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>e.g. instance-started, element-entered, task-completed, variable-changed, incident-raised.</summary>
    public required string Kind { get; init; }
    public string? ElementId { get; init; }
    public string? UserId { get; init; }
    /// <summary>Details as a JSON object.</summary>
    public string? DataJson { get; init; }
    public string? PreviousHash { get; init; }
    public required string Hash { get; init; }
}
