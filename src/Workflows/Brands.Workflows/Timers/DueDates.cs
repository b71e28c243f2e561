namespace Brands.Workflows.Timers;

/// <summary>Due dates written as durations (a user task's <c>camunda:dueDate</c>, <c>camunda:followUpDate</c>), read as timers read them.</summary>
internal static class DueDates
{
    /// <summary>
    /// <paramref name="text"/> as a duration from <paramref name="now"/>: an ISO 8601 period added to the wall clock of
    /// <paramref name="timeZone"/> (<c>P1M</c> is a calendar month), or working days by <paramref name="calendar"/>
    /// (<c>P5WD</c>). Null, or the reason it is not one.
    /// </summary>
    public static string? TryAddDuration(string text, DateTimeOffset now, string timeZone, IBusinessCalendar calendar, out DateTimeOffset due)
    {
        due = default;
        if (!TimerSchedule.TryParse(Model.TimerKind.Duration, text, timeZone, out var schedule, out var error))
        {
            return error;
        }

        try
        {
            due = schedule!.FirstDue(now, calendar);
            return null;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException or InvalidOperationException)
        {
            return $"the duration '{text}' reaches beyond any date ({e.Message})";
        }
    }

    /// <summary>A reminder's due date moved off a rest day (see <see cref="WorkingDays.MoveToPreviousWorkingDay"/>).</summary>
    public static DateTimeOffset Reminder(DateTimeOffset due, string timeZone, IBusinessCalendar calendar) =>
        TimeZones.Find(timeZone) is { } zone ? WorkingDays.MoveToPreviousWorkingDay(due, zone, calendar) : due;
}
