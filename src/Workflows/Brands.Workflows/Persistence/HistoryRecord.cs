namespace Brands.Workflows.Persistence;

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
