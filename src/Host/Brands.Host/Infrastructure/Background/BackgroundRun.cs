namespace Brands.Host.Infrastructure.Background;

/// <summary>What one run of a recurring job found (table <c>background_runs</c>, migration 0060_background).</summary>
internal sealed class BackgroundRun
{
    public required Guid Id { get; init; }
    /// <summary>The recurring job's id, e.g. <c>deadline-sweep</c>.</summary>
    public required string Job { get; init; }
    /// <summary>The node (machine and process) that ran it.</summary>
    public required string Node { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    /// <summary>The sweep: overdue timers found; the retention: cases whose history it removed.</summary>
    public required int Found { get; init; }
    /// <summary>What was found, as JSON.</summary>
    public string? Details { get; init; }
}
