using System.Globalization;
using System.Text;
using Brands.Host.Infrastructure.Auth;

namespace Brands.Host.Features.Inbox;

/// <summary>
/// What the inbox shows (README "Using the web app"): a tab (my tasks, my groups' unclaimed tasks, every task I
/// may see), filters, a search text and a page. Read from the query string and written back to it, for links,
/// paging and saved filters (the page is <c>p</c>: Razor Pages keeps <c>page</c> for itself); <see cref="Validate"/>
/// names each bad value.
/// </summary>
internal sealed record InboxFilter(
    string? Tab = null,
    string? Process = null,
    string? Province = null,
    int? Year = null,
    string? Status = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    string? Q = null,
    int? Page = null)
{
    public const string Mine = "mine";
    public const string Group = "group";
    public const string All = "all";
    public const int MaxSearchLength = 100;

    public static IReadOnlyList<string> Tabs { get; } = [Mine, Group, All];

    /// <summary>unassigned, assigned, overdue (due date passed), due-soon (due within <see cref="InboxQuery.DueSoon"/>), follow-up (follow-up date reached).</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["unassigned", "assigned", "overdue", "due-soon", "follow-up"];

    public string TabOrDefault => string.IsNullOrEmpty(Tab) ? Mine : Tab;

    public int PageOrFirst => Page ?? 1;

    public IDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(Tab) && !Tabs.Contains(Tab))
        {
            errors["tab"] = [$"Unknown tab '{Tab}'; expected one of {string.Join(", ", Tabs)}."];
        }

        if (!string.IsNullOrEmpty(Province) && !Provinces.Names.ContainsKey(Province))
        {
            errors["province"] = [$"Unknown province '{Province}'; expected a two-letter code such as ZJ, or CN."];
        }

        if (Year is < 2000 or > 2100)
        {
            errors["year"] = ["The year must be between 2000 and 2100."];
        }

        if (!string.IsNullOrEmpty(Status) && !Statuses.Contains(Status))
        {
            errors["status"] = [$"Unknown status '{Status}'; expected one of {string.Join(", ", Statuses)}."];
        }

        if (DueFrom > DueTo)
        {
            errors["dueTo"] = ["The end of the due range is before its start."];
        }

        if (Q?.Length > MaxSearchLength)
        {
            errors["q"] = [$"The search text is longer than {MaxSearchLength} characters."];
        }

        if (Process?.Length > 200)
        {
            errors["process"] = ["The process key is longer than 200 characters."];
        }

        if (Page is < 1 or > 100_000)
        {
            errors["p"] = ["The page must be between 1 and 100000."];
        }

        return errors;
    }

    /// <summary>The filter as a query string without the leading '?', values escaped; empty parts left out.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<(string Key, string? Value)>
        {
            ("tab", Tab), ("process", Process), ("province", Province),
            ("year", Year?.ToString(CultureInfo.InvariantCulture)), ("status", Status),
            ("dueFrom", DueFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("dueTo", DueTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("q", Q), ("p", (page ?? Page)?.ToString(CultureInfo.InvariantCulture)),
        };
        var text = new StringBuilder();
        foreach (var (key, value) in parts.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            text.Append(text.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value!));
        }

        return text.ToString();
    }

    /// <summary>The same filter on the first page: what a saved filter keeps.</summary>
    public InboxFilter WithoutPage() => this with { Page = null };
}
