namespace Brands.Workflows.Persistence;

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
