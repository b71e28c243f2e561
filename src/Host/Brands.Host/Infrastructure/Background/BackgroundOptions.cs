namespace Brands.Host.Infrastructure.Background;

/// <summary>Configuration section <c>Background</c>: Hangfire's server and the recurring jobs (README "Background work").</summary>
internal sealed class BackgroundOptions
{
    public const string SectionName = "Background";

    /// <summary>
    /// Cron expressions by recurring job id (<c>Background:Schedules:deadline-sweep</c>), overriding each job's
    /// default; an empty value leaves the default.
    /// </summary>
    public Dictionary<string, string> Schedules { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The time zone the cron expressions are read in.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Hangfire workers on this node: the recurring jobs are few and short.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often this node looks for due recurring jobs and, on SQLite, for queued jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How late a timer may be before the deadline sweep reports it: the executor's batches need a moment.</summary>
    public TimeSpan DeadlineSweepGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a finished case's history is kept when its process sets no <c>camunda:historyTimeToLive</c>.</summary>
    public TimeSpan HistoryTimeToLive { get; set; } = TimeSpan.FromDays(3650);

    /// <summary>Cases whose history the retention removes per transaction.</summary>
    public int HistoryRetentionBatchSize { get; set; } = 100;

    /// <summary>The cron expression of <paramref name="jobId"/>: configured, else <paramref name="defaultCron"/>.</summary>
    public string ScheduleOf(string jobId, string defaultCron) =>
        Schedules.TryGetValue(jobId, out var cron) && !string.IsNullOrWhiteSpace(cron) ? cron : defaultCron;
}
