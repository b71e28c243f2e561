namespace Brands.Host.Infrastructure.Jobs;

/// <summary>Configuration section <c>Workflows</c>: how this node looks for and runs due jobs (README, "Jobs").</summary>
internal sealed class JobExecutorOptions
{
    /// <summary>How long the node waits after a run that found nothing more due.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due jobs locked per statement; the next batch is taken while the last still runs.</summary>
    public int JobBatchSize { get; set; } = 32;

    /// <summary>
    /// Jobs this node runs at once, never two of one case. Unset: <see cref="DefaultParallelism"/> on PostgreSQL,
    /// 1 on SQLite (one writer at a time; more would only queue on its lock).
    /// </summary>
    public int? JobParallelism { get; set; }

    /// <summary>
    /// Four per core: a firing mostly waits for the database (a read, then a commit whose WAL flush concurrent
    /// commits share), so a few more than the cores keeps both busy (bench/README.md, "Timers").
    /// </summary>
    public static int DefaultParallelism => Math.Clamp(Environment.ProcessorCount * 4, 4, 32);
}
