namespace Brands.Host.Infrastructure.Calendar;

/// <summary>A row of <c>host_business_calendars</c>: one year's <see cref="CalendarDocument"/> as JSON.</summary>
internal sealed class BusinessCalendarRow
{
    public int Year { get; set; }
    public string Document { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
