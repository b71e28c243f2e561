namespace Brands.Workflows.Persistence;

/// <summary>Subscriptions of one kind and name; the optional filters are combined with AND.</summary>
public sealed record SubscriptionQuery
{
    public required string Kind { get; init; }
    public required string Name { get; init; }
    /// <summary>True: only start events; false: only cases' subscriptions; null: both.</summary>
    public bool? StartEvents { get; init; }
    public string? BusinessKey { get; init; }
    public string? CorrelationKey { get; init; }
    public int Max { get; init; } = 10_000;
}
