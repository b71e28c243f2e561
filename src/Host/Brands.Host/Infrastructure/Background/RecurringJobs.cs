namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// The host's recurring jobs, one line each: a stable id, a default cron expression (overridable by
/// <c>Background:Schedules:&lt;id&gt;</c>) and the service method Hangfire calls. Every node registers them at
/// start-up (an update when they exist); Hangfire runs each occurrence once across the cluster.
/// </summary>
internal static class RecurringJobs
{
    public static void Register(RecurringSchedule schedule)
    {
        schedule.Add<DeadlineSweep>(DeadlineSweep.JobId, DeadlineSweep.DefaultCron, sweep => sweep.RunAsync(CancellationToken.None));
        schedule.Add<HistoryRetention>(HistoryRetention.JobId, HistoryRetention.DefaultCron, retention => retention.RunAsync(CancellationToken.None));
    }
}
