namespace Brands.Workflows.Timers;

/// <summary>
/// A business calendar from lists of dates: Monday to Friday are working days, except the listed holidays;
/// Saturdays and Sundays are rest days, except the listed make-up working days (调休). Immutable.
/// </summary>
public sealed class HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingDays) : IBusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<DateOnly> _workingDays = [.. workingDays];

    public bool IsWorkingDay(DateOnly date) =>
        !_holidays.Contains(date) && (_workingDays.Contains(date) || WeekdayCalendar.Instance.IsWorkingDay(date));
}
