namespace Brands.Workflows.Timers;

/// <summary>
/// Which days are working days, for working-day durations (<c>P5WD</c>) and reminders moved off rest days
/// (docs/engine.md, "Working days"). The host supplies one built from its calendars; without one the engine takes
/// Monday to Friday (<see cref="WeekdayCalendar"/>).
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>Whether <paramref name="date"/>, a date of the process's time zone, is a working day.</summary>
    bool IsWorkingDay(DateOnly date);
}
