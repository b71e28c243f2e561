using NodaTime;

namespace Brands.Workflows.Timers;

/// <summary>Working-day arithmetic over an <see cref="IBusinessCalendar"/> (docs/engine.md, "Working days").</summary>
internal static class WorkingDays
{
    /// <summary>Beyond this many days without a working day a calendar is taken to be wrong (a year of holidays).</summary>
    private const int MaxSearchDays = 366;

    /// <summary>
    /// The same wall-clock time on the <paramref name="count"/>th working day after <paramref name="from"/>'s date
    /// (Friday 10:00 + 1 working day is Monday 10:00; the day it starts on never counts, working or not).
    /// </summary>
    public static LocalDateTime Add(LocalDateTime from, int count, IBusinessCalendar calendar)
    {
        var date = from.Date;
        for (var left = count; left > 0;)
        {
            date = NextWorkingDay(date, calendar);
            left--;
        }

        return date + from.TimeOfDay;
    }

    /// <summary>
    /// A reminder due at <paramref name="due"/> on a rest day moves to the same time on the previous working day; on a
    /// working day it stays.
    /// </summary>
    public static DateTimeOffset MoveToPreviousWorkingDay(DateTimeOffset due, DateTimeZone zone, IBusinessCalendar calendar)
    {
        var local = Instant.FromDateTimeOffset(due).InZone(zone).LocalDateTime;
        if (calendar.IsWorkingDay(ToDateOnly(local.Date)))
        {
            return due;
        }

        var date = local.Date;
        for (var i = 0; i < MaxSearchDays; i++)
        {
            date = date.PlusDays(-1);
            if (calendar.IsWorkingDay(ToDateOnly(date)))
            {
                return (date + local.TimeOfDay).InZoneLeniently(zone).ToInstant().ToDateTimeOffset();
            }
        }

        throw new InvalidOperationException($"The business calendar has no working day in the year before {local.Date}.");
    }

    private static LocalDate NextWorkingDay(LocalDate date, IBusinessCalendar calendar)
    {
        for (var i = 0; i < MaxSearchDays; i++)
        {
            date = date.PlusDays(1);
            if (calendar.IsWorkingDay(ToDateOnly(date)))
            {
                return date;
            }
        }

        throw new InvalidOperationException($"The business calendar has no working day in the year after {date}.");
    }

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);
}
