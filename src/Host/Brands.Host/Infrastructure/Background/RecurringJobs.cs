using Brands.Host.Infrastructure.Email;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// The host's recurring jobs, one line each: a stable id, a default cron expression (overridable by
/// <c>Background:Schedules:&lt;id&gt;</c>) and the service method Hangfire calls. Every node registers them at
/// start-up (an update when they exist); Hangfire runs each occurrence once across the cluster.
/// </summary>
internal static class RecurringJobs
{
    public static void Register(RecurringSchedule schedule, MailOptions mail)
    {
        // Every node also dispatches on its own every Mail:PollInterval for prompt mail (OutboxDispatchService);
        // this run, once a minute across the cluster, is the one the Dashboard shows and the one that carries on
        // should a node's loop stop. Messages are leased, so the two never send one twice.
        schedule.Add<OutboxDispatcher>(OutboxDispatcher.JobId, OutboxDispatcher.DefaultCron, dispatcher => dispatcher.DispatchDueAsync(CancellationToken.None));
        schedule.Add<DigestSender>(DigestSender.JobId, DigestSender.CronAt(mail.DigestTime), digests => digests.SendDigestsAsync(CancellationToken.None));
        schedule.Add<DeadlineSweep>(DeadlineSweep.JobId, DeadlineSweep.DefaultCron, sweep => sweep.RunAsync(CancellationToken.None));
        schedule.Add<HistoryRetention>(HistoryRetention.JobId, HistoryRetention.DefaultCron, retention => retention.RunAsync(CancellationToken.None));
    }
}
