using System.Globalization;
using Brands.Workflows.Model;
using Cronos;
using NodaTime;

namespace Brands.Workflows.Timers;

/// <summary>
/// A timer's value once its text is known: when it first fires and, for a cycle, when it fires next. Periods are
/// calendar periods in the process's time zone (<c>P1M</c> from 31 January is the end of February, not 30 days
/// later); see docs/engine.md, "Timers".
/// </summary>
internal sealed class TimerSchedule
{
    /// <summary>Firings of a cycle without a repetition count (<c>R/P1D</c>, cron).</summary>
    public const int Unbounded = -1;

    private readonly TimerKind _kind;
    private readonly DateTimeZone _zone;
    private readonly Instant? _at;
    private readonly Period? _period;
    private readonly CronExpression? _cron;
    private readonly int _workingDays;

    private TimerSchedule(TimerKind kind, DateTimeZone zone, Instant? at, Period? period, CronExpression? cron, int repeats, int workingDays = 0)
    {
        _workingDays = workingDays;
        _kind = kind;
        _zone = zone;
        _at = at;
        _period = period;
        _cron = cron;
        Repeats = repeats;
    }

    /// <summary>How many times the timer fires in all: 1 for a date or a duration, <see cref="Unbounded"/> for an open cycle.</summary>
    public int Repeats { get; }

    /// <summary>Reads <paramref name="text"/> as the given kind of timer value; false with a message for the author.</summary>
    public static bool TryParse(TimerKind kind, string text, string timeZone, out TimerSchedule? schedule, out string? error)
    {
        schedule = null;
        if (TimeZones.Find(timeZone) is not { } zone)
        {
            error = $"the time zone '{timeZone}' is not a known IANA time zone";
            return false;
        }

        text = text.Trim();
        error = kind switch
        {
            TimerKind.Date => ParseDate(text, zone, out schedule),
            TimerKind.Duration => ParseDuration(text, zone, out schedule),
            _ => text.StartsWith('R') ? ParseIsoCycle(text, zone, out schedule) : ParseCron(text, zone, out schedule),
        };
        return error is null;
    }

    /// <summary>Whether the value counts working days (<c>P5WD</c>, <c>R/P1WD</c>).</summary>
    public bool CountsWorkingDays => _workingDays > 0;

    /// <summary>
    /// When the timer fires first, for a timer started at <paramref name="now"/>; working days by
    /// <paramref name="calendar"/> (Monday to Friday without one).
    /// </summary>
    public DateTimeOffset FirstDue(DateTimeOffset now, IBusinessCalendar? calendar = null) => _kind switch
    {
        TimerKind.Date => ToOffset(_at!.Value),
        TimerKind.Duration => Add(now, calendar),
        _ when _cron is not null => NextCron(now),
        _ => _at is { } start ? ToOffset(start) : Add(now, calendar),
    };

    /// <summary>
    /// The next firing of a cycle after the one due at <paramref name="previousDue"/>, and after <paramref name="now"/>:
    /// firings missed while nothing ran are not made up one by one (the one that fired late stands for them).
    /// </summary>
    public DateTimeOffset NextDue(DateTimeOffset previousDue, DateTimeOffset now, IBusinessCalendar? calendar = null)
    {
        if (_cron is not null)
        {
            return NextCron(previousDue > now ? previousDue : now);
        }

        var next = Add(previousDue, calendar);
        // Catch up in bounded steps: a cycle of minutes after a year offline must not loop a million times.
        for (var i = 0; next <= now && i < 10_000; i++)
        {
            next = Add(next, calendar);
        }

        return next <= now ? Add(now, calendar) : next;
    }

    /// <summary>One step of the schedule's period (or working days) from <paramref name="from"/>, in the process's zone.</summary>
    private DateTimeOffset Add(DateTimeOffset from, IBusinessCalendar? calendar)
    {
        var local = Instant.FromDateTimeOffset(from).InZone(_zone).LocalDateTime;
        var next = _workingDays > 0 ? WorkingDays.Add(local, _workingDays, calendar ?? WeekdayCalendar.Instance) : local + _period!;
        return ToOffset(next.InZoneLeniently(_zone).ToInstant());
    }

    private DateTimeOffset NextCron(DateTimeOffset after)
    {
        // Cron fields are wall-clock fields of the process's zone: compute on the local time as if it were UTC.
        var local = Instant.FromDateTimeOffset(after).InZone(_zone).LocalDateTime;
        var next = _cron!.GetNextOccurrence(DateTime.SpecifyKind(local.ToDateTimeUnspecified(), DateTimeKind.Utc))
            ?? throw new InvalidOperationException($"The cron expression '{_cron}' has no further occurrence.");
        return ToOffset(LocalDateTime.FromDateTime(next).InZoneLeniently(_zone).ToInstant());
    }

    private static DateTimeOffset ToOffset(Instant instant) => instant.ToDateTimeOffset();

    private static string? ParseDate(string text, DateTimeZone zone, out TimerSchedule? schedule)
    {
        schedule = null;
        if (!IsoText.TryParseInstant(text, zone, out var at))
        {
            return $"'{text}' is not an ISO 8601 date or date-time (e.g. 2026-12-15T09:00:00+08:00, or 2026-12-15)";
        }

        schedule = new TimerSchedule(TimerKind.Date, zone, at, null, null, 1);
        return null;
    }

    private static string? ParseDuration(string text, DateTimeZone zone, out TimerSchedule? schedule)
    {
        schedule = null;
        if (IsoText.TryParseWorkingDays(text, out var days))
        {
            schedule = new TimerSchedule(TimerKind.Duration, zone, null, null, null, 1, days);
            return null;
        }

        if (IsoText.ParsePeriod(text, out var period) is { } error)
        {
            return error;
        }

        schedule = new TimerSchedule(TimerKind.Duration, zone, null, period, null, 1);
        return null;
    }

    /// <summary><c>R[n]/period</c> or <c>R[n]/start/period</c> (ISO 8601 repeating interval).</summary>
    private static string? ParseIsoCycle(string text, DateTimeZone zone, out TimerSchedule? schedule)
    {
        schedule = null;
        var parts = text.Split('/');
        var count = parts[0][1..];
        int repeats;
        if (count.Length == 0 || count == "-1")
        {
            repeats = Unbounded;
        }
        else if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out repeats) || repeats < 1)
        {
            return $"'{parts[0]}' in the cycle '{text}' is not a repetition count of at least 1 (R3 fires three times; R alone, for ever)";
        }

        if (parts.Length is < 2 or > 3)
        {
            return $"the cycle '{text}' is not R[n]/duration or R[n]/start/duration";
        }

        Instant? start = null;
        if (parts.Length == 3)
        {
            if (!IsoText.TryParseInstant(parts[1], zone, out var at))
            {
                return $"the start '{parts[1]}' of the cycle '{text}' is not an ISO 8601 date-time (R/start/duration; an end date is not supported)";
            }

            start = at;
        }

        if (IsoText.TryParseWorkingDays(parts[^1], out var days))
        {
            schedule = new TimerSchedule(TimerKind.Cycle, zone, start, null, null, repeats, days);
            return null;
        }

        if (IsoText.ParsePeriod(parts[^1], out var period) is { } error)
        {
            return $"the cycle '{text}': {error}";
        }

        if (period.Equals(Period.Zero))
        {
            return $"the cycle '{text}' repeats every zero seconds";
        }

        schedule = new TimerSchedule(TimerKind.Cycle, zone, start, period, null, repeats);
        return null;
    }

    private static string? ParseCron(string text, DateTimeZone zone, out TimerSchedule? schedule)
    {
        schedule = null;
        if (CronText.Parse(text, out var cron) is { } error)
        {
            return error;
        }

        schedule = new TimerSchedule(TimerKind.Cycle, zone, null, null, cron, Unbounded);
        return null;
    }
}
