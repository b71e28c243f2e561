using Brands.Host.Infrastructure.Persistence;
using Brands.Workflows;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Jobs;

/// <summary>Runs the engine's due jobs (timers, async continuations, service-task retries) on this node.</summary>
/// <remarks>
/// Each run takes batches of due jobs and runs up to <see cref="JobExecutorOptions.JobParallelism"/> at once until
/// nothing more is due, then the node waits <see cref="JobExecutorOptions.JobPollInterval"/>. A run that fails is
/// logged and the next one follows. On shutdown the running jobs are not cancelled: they finish their steps (within
/// the host's shutdown timeout); only acquiring more and the wait between runs are cut short.
/// </remarks>
internal sealed class JobExecutor(
    WorkflowEngine engine,
    IOptions<JobExecutorOptions> options,
    DatabaseSettings database,
    TimeProvider timeProvider,
    ILogger<JobExecutor> logger) : BackgroundService
{
    /// <summary>This node's name as a job lock owner: machine, process and a random suffix.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The settings each run uses: configured, or the provider's default parallelism.</summary>
    public JobRunSettings RunSettings => new()
    {
        BatchSize = Math.Max(options.Value.JobBatchSize, 1),
        Parallelism = Math.Max(options.Value.JobParallelism
            ?? (database.Provider == DatabaseProvider.PostgreSql ? JobExecutorOptions.DefaultParallelism : 1), 1),
        CommitGroupSize = Math.Max(options.Value.JobCommitGroupSize, 1),
        CommitsAtOnce = Math.Max(options.Value.JobCommitsAtOnce, 1),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = RunSettings;
        var interval = options.Value.JobPollInterval;
        logger.LogInformation("Job executor {NodeId} polls every {Interval}, {BatchSize} jobs per batch, {Parallelism} at once, up to {CommitGroupSize} per commit",
            NodeId, interval, settings.BatchSize, settings.Parallelism, settings.CommitGroupSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.RunDueJobsAsync(NodeId, settings, stoppingToken, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Running due jobs failed; trying again in {Interval}", interval);
            }

            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
