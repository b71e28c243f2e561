namespace Brands.Host.Infrastructure.Calendar;

/// <summary>Configuration section <c>Calendars</c>.</summary>
internal sealed class CalendarOptions
{
    /// <summary>Where the shipped calendars are read at start-up; by default <c>workflows/calendars</c> beside the host.</summary>
    public string Folder { get; set; } = Path.Combine(AppContext.BaseDirectory, "workflows", "calendars");

    /// <summary>How often each node reloads the stored calendars (an edit on another node arrives within this).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
