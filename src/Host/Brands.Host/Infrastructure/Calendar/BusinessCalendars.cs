using Brands.Workflows.Timers;

namespace Brands.Host.Infrastructure.Calendar;

/// <summary>
/// The engine's business calendar on this node: every stored year's holidays and make-up working days, replaced as a
/// whole when the calendars are loaded again (<see cref="CalendarSync"/>). Years without a document count Monday to
/// Friday.
/// </summary>
internal sealed class BusinessCalendars : IBusinessCalendar
{
    private volatile HolidayCalendar _current = new([], []);

    public bool IsWorkingDay(DateOnly date) => _current.IsWorkingDay(date);

    public void Replace(IEnumerable<CalendarDocument> documents)
    {
        var all = documents.ToList();
        _current = new HolidayCalendar(
            all.SelectMany(d => d.Holidays ?? []).Select(h => h.Date),
            all.SelectMany(d => d.WorkingDays ?? []).Select(w => w.Date));
    }
}
