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
    public int Max { get; init; } = 500;
}
