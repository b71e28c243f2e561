using Brands.Workflows.Model;

namespace Brands.Workflows.Timers;

/// <summary>
/// A reminder is a non-interrupting timer boundary event: with a business calendar configured, its firings are moved
/// off rest days (docs/engine.md, "Working days"). Other timers fire when their value says; so do reminders when no
/// calendar is configured (<c>configured</c> null; working-day durations then count Monday to Friday).
/// </summary>
internal static class Reminders
{
    public static bool IsReminder(FlowNode element) => element is BoundaryEvent { CancelActivity: false, Trigger: TimerTrigger };

    /// <summary>
    /// The first firing of a timer started at <paramref name="now"/>. A reminder due on a rest day fires at the same time
    /// on the previous working day; if that moment is already past, it keeps its time as drawn.
    /// </summary>
    public static DateTimeOffset FirstDue(TimerSchedule schedule, FlowNode element, DateTimeOffset now, string timeZone, IBusinessCalendar? configured)
    {
        var calendar = configured ?? WeekdayCalendar.Instance;
        var due = schedule.FirstDue(now, calendar);
        if (configured is null || !IsReminder(element))
        {
            return due;
        }

        var moved = DueDates.Reminder(due, timeZone, calendar);
        return moved > now ? moved : due;
    }

    /// <summary>
    /// The next firing of a cycle after the one due at <paramref name="previousDue"/>. A reminder's firing on a rest
    /// day moves to the previous working day; one whose previous working day is already past is skipped (the firing
    /// on that working day stood for it), so a daily reminder is not sent twice on a Friday nor at the weekend.
    /// </summary>
    public static DateTimeOffset NextDue(TimerSchedule schedule, FlowNode element, DateTimeOffset previousDue, DateTimeOffset now,
        string timeZone, IBusinessCalendar? configured)
    {
        var calendar = configured ?? WeekdayCalendar.Instance;
        var next = schedule.NextDue(previousDue, now, calendar);
        if (configured is null || !IsReminder(element))
        {
            return next;
        }

        for (var i = 0; i < 1000; i++)
        {
            var moved = DueDates.Reminder(next, timeZone, calendar);
            if (moved > now)
            {
                return moved;
            }

            next = schedule.NextDue(next, now, calendar);
        }

        return next;
    }
}
