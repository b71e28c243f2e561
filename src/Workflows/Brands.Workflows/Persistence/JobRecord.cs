namespace Brands.Workflows.Persistence;

public sealed class JobRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public JobRecord Clone() => (JobRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    /// <summary>The case the job moves on; null for a job that starts cases (a timer start event) or fans a signal out.</summary>
    public required Guid? InstanceId { get; init; }
    /// <summary>For a job without a case: the definition version whose start event it fires.</summary>
    public string? DefinitionId { get; init; }
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
    /// <summary>What the job needs beyond its element: a timer's value and firings left, a signal's name and data.</summary>
    public string? PayloadJson { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
