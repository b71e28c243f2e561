namespace Brands.Host.Infrastructure.Jobs;

/// <summary>Configuration section <c>Workflows</c>: how often this node looks for due jobs.</summary>
internal sealed class JobExecutorOptions
{
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Jobs acquired per round; a full batch is followed by another round at once.</summary>
    public int JobBatchSize { get; set; } = 32;
}
