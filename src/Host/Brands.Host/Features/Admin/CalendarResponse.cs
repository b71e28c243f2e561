using System.Text.Json;
using Brands.Host.Infrastructure.Calendar;

namespace Brands.Host.Features.Admin;

/// <summary>A stored year of the business calendar, with who changed it last (null: as shipped).</summary>
internal sealed record CalendarResponse(int Year, string? Source, string? Note, IReadOnlyList<CalendarDay> Holidays,
    IReadOnlyList<CalendarDay> WorkingDays, DateTimeOffset UpdatedAt, string? UpdatedBy)
{
    public static CalendarResponse From(BusinessCalendarRow row)
    {
        var document = JsonSerializer.Deserialize<CalendarDocument>(row.Document, CalendarStore.Json)!;
        return new CalendarResponse(row.Year, document.Source, document.Note, document.Holidays ?? [], document.WorkingDays ?? [],
            row.UpdatedAt, row.UpdatedBy);
    }
}
