namespace Brands.Workflows.Timers;

/// <summary>Monday to Friday are working days; no holidays. The engine's calendar when none is given.</summary>
public sealed class WeekdayCalendar : IBusinessCalendar
{
    public static WeekdayCalendar Instance { get; } = new();

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
