using System.Linq.Expressions;
using Hangfire;

namespace Brands.Host.Infrastructure.Background;

/// <summary>Adds or updates recurring jobs with the configured cron expressions and time zone (see <see cref="RecurringJobs"/>).</summary>
/// <remarks>
/// The service is resolved from a fresh scope for each run; a <see cref="CancellationToken"/> argument written as
/// <c>CancellationToken.None</c> becomes the run's own token, cancelled when the node shuts down.
/// </remarks>
internal sealed class RecurringSchedule(IRecurringJobManager jobs, BackgroundOptions options)
{
    private readonly RecurringJobOptions _jobOptions = new() { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) };

    public void Add<TService>(string jobId, string defaultCron, Expression<Func<TService, Task>> run) =>
        jobs.AddOrUpdate(jobId, run, options.ScheduleOf(jobId, defaultCron), _jobOptions);
}
