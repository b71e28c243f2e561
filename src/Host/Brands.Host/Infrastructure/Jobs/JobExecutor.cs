using Brands.Workflows;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Jobs;

/// <summary>Runs the engine's due jobs (async continuations, service-task retries) on this node.</summary>
/// <remarks>
/// A round that fails is logged and the next one follows. On shutdown the running round is not cancelled: it
/// finishes its steps (within the host's shutdown timeout), and only the wait between rounds is cut short.
/// </remarks>
internal sealed class JobExecutor(
    WorkflowEngine engine,
    IOptions<JobExecutorOptions> options,
    TimeProvider timeProvider,
    ILogger<JobExecutor> logger) : BackgroundService
{
    /// <summary>This node's name as a job lock owner: machine, process and a random suffix.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Job executor {NodeId} polls every {Interval}", NodeId, settings.JobPollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = 0;
            try
            {
                ran = await engine.ExecuteDueJobsAsync(NodeId, settings.JobBatchSize, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Running due jobs failed; trying again in {Interval}", settings.JobPollInterval);
            }

            if (ran >= settings.JobBatchSize)
            {
                continue;
            }

            try
            {
                await Task.Delay(settings.JobPollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
