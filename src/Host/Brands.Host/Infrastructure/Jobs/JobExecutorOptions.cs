namespace Brands.Host.Infrastructure.Jobs;

/// <summary>Configuration section <c>Workflows</c>: how this node looks for and runs due jobs (README, "Jobs").</summary>
internal sealed class JobExecutorOptions
{
    /// <summary>How long the node waits after a run that found nothing more due.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due jobs locked per statement; the next batch is taken while the last still runs.</summary>
    public int JobBatchSize { get; set; } = 64;

    /// <summary>
    /// Jobs this node runs at once, never two of one case. Unset: <see cref="DefaultParallelism"/> on PostgreSQL,
    /// 1 on SQLite (one writer at a time; more would only queue on its lock).
    /// </summary>
    public int? JobParallelism { get; set; }

    /// <summary>
    /// Most jobs whose changes this node commits in one transaction (jobs that finished while the last commit was
    /// written go together; never two of one case); 1 commits each job alone.
    /// </summary>
    public int JobCommitGroupSize { get; set; } = 32;

    /// <summary>Group commits this node writes at once; jobs that finish while all are being written wait for the next.</summary>
    public int JobCommitsAtOnce { get; set; } = 2;

    /// <summary>
    /// Four per core: enough to keep the cores busy while some jobs wait for a read; a job waiting for its commit
    /// frees its worker (commit groups, docs/engine.md), so more would only compete for the cores (bench/README.md, "Timers").
    /// </summary>
    public static int DefaultParallelism => Math.Clamp(Environment.ProcessorCount * 4, 4, 32);
}
