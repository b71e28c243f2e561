namespace Brands.Workflows.Persistence;

/// <summary>Jobs by what they belong to and their kind, for administration; the filters are combined with AND.</summary>
public sealed record JobQuery
{
    public Guid? InstanceId { get; init; }
    /// <summary>Jobs of a definition version that belong to no case (timer start events).</summary>
    public string? DefinitionId { get; init; }
    public string? Kind { get; init; }
    /// <summary>Only jobs due at or before this instant.</summary>
    public DateTimeOffset? DueBefore { get; init; }
    /// <summary>True: only jobs whose retries ran out (failed, waiting for an administrator); false: only those with retries left.</summary>
    public bool? Failed { get; init; }
    /// <summary>Only jobs whose lease runs past this instant: being run by a node now.</summary>
    public DateTimeOffset? LockedAt { get; init; }
    /// <summary>Only jobs without a live lease at this instant.</summary>
    public DateTimeOffset? UnlockedAt { get; init; }
    public int Max { get; init; } = 500;
}
