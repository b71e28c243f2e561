namespace Brands.Workflows;

/// <summary>How a node runs due jobs (<see cref="WorkflowEngine.RunDueJobsAsync"/>); docs/engine.md, "The job executor".</summary>
public sealed record JobRunSettings
{
    /// <summary>Due jobs locked per statement, earliest due first; the next batch is taken while the last still runs.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Jobs run at once on this node, each in its own transaction; jobs of the same case never run at once. On
    /// PostgreSQL the concurrent commits share the server's WAL flushes (group commit); on SQLite, whose writes are
    /// serialised, 1 is right.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Stop acquiring after this many jobs; the jobs acquired still run.</summary>
    public int MaxJobs { get; init; } = int.MaxValue;
}
