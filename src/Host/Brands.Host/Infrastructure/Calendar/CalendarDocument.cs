using System.Globalization;

namespace Brands.Host.Infrastructure.Calendar;

/// <summary>
/// A year of a business calendar as <c>workflows/calendars/cn-&lt;year&gt;.json</c> and the API write it: the public
/// holidays (days off) and the make-up working days (调休, Saturdays or Sundays worked). Any other weekday is a
/// working day, any other Saturday or Sunday a rest day.
/// </summary>
internal sealed record CalendarDocument(int Year, string? Source, string? Note, IReadOnlyList<CalendarDay>? Holidays, IReadOnlyList<CalendarDay>? WorkingDays)
{
    /// <summary>Field name → problems; empty when the document is a calendar of <paramref name="year"/>.</summary>
    public IDictionary<string, string[]> Validate(int year)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = [$"The year {year} is outside 2000–2100."];
            return errors;
        }

        if (Year != year)
        {
            errors["year"] = [$"The document is for {Year}, not {year}."];
        }

        var holidays = Holidays ?? [];
        var working = WorkingDays ?? [];
        Check(errors, "holidays", holidays, year, _ => null);
        Check(errors, "workingDays", working, year, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? null
            : $"{Text(d)} is a {d.DayOfWeek}: a make-up working day is a Saturday or Sunday worked.");
        var both = holidays.Select(h => h.Date).Intersect(working.Select(w => w.Date)).Order().ToList();
        if (both.Count > 0)
        {
            errors["workingDays"] = [.. errors.GetValueOrDefault("workingDays") ?? [], $"{string.Join(", ", both.Select(Text))} cannot be both a holiday and a working day."];
        }

        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, IReadOnlyList<CalendarDay> days, int year, Func<DateOnly, string?> rule)
    {
        var problems = new List<string>();
        problems.AddRange(days.Where(d => d.Date.Year != year).Select(d => $"{Text(d.Date)} is not in {year}."));
        problems.AddRange(days.GroupBy(d => d.Date).Where(g => g.Count() > 1).Select(g => $"{Text(g.Key)} is listed twice."));
        problems.AddRange(days.Select(d => rule(d.Date)).OfType<string>());
        if (problems.Count > 0)
        {
            errors[field] = [.. problems];
        }
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
