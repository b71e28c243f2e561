namespace Brands.Workflows.Persistence;

/// <summary>Outbox messages for administration, newest first; the filters are combined with AND.</summary>
public sealed record OutboxQuery
{
    public string? Topic { get; init; }
    public string? Status { get; init; }
    public Guid? InstanceId { get; init; }
    public int Max { get; init; } = 100;

    /// <summary>How many of the newest matching messages to pass over first: a page of a listing.</summary>
    public int Skip { get; init; }
}
