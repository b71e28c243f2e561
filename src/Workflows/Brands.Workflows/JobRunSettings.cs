namespace Brands.Workflows;

/// <summary>How a node runs due jobs (<see cref="WorkflowEngine.RunDueJobsAsync"/>); docs/engine.md, "The job executor".</summary>
public sealed record JobRunSettings
{
    /// <summary>Due jobs locked per statement, earliest due first; the next batch is taken while the last still runs.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Jobs computed at once on this node (a job waiting for its group's commit frees its worker); jobs of the same
    /// case never run at once. On SQLite, whose writes are serialised, 1 is right.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// Most jobs whose changes are committed in one transaction: while one commit is written, the jobs finished
    /// meanwhile wait and go together in the next (jobs of one case, or touching the same row, never together).
    /// 1 commits each job alone, its worker waiting for the commit.
    /// </summary>
    public int CommitGroupSize { get; init; } = 32;

    /// <summary>Commits of groups written at once; a job that finishes while all are being written waits for the next.</summary>
    public int CommitsAtOnce { get; init; } = 2;

    /// <summary>Stop acquiring after this many jobs; the jobs acquired still run.</summary>
    public int MaxJobs { get; init; } = int.MaxValue;
}
