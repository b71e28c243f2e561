using System.Text.Json;
using Brands.Workflows.Timers;

namespace Brands.Workflows.Tests.Support;

/// <summary>The business calendars the project ships (workflows/calendars/cn-2025.json, cn-2026.json), for engine tests.</summary>
public static class ChinaCalendars
{
    private static readonly Lazy<HolidayCalendar> s_shipped = new(Load);

    public static HolidayCalendar Shipped => s_shipped.Value;

    private static HolidayCalendar Load()
    {
        var holidays = new List<DateOnly>();
        var workingDays = new List<DateOnly>();
        foreach (var year in (int[])[2025, 2026])
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", "calendars", $"cn-{year}.json")));
            holidays.AddRange(document.RootElement.GetProperty("holidays").EnumerateArray().Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
            workingDays.AddRange(document.RootElement.GetProperty("workingDays").EnumerateArray().Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new HolidayCalendar(holidays, workingDays);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Brands.Workflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Brands.Workflow.sln) was not found above the test's folder.");
    }
}
