namespace Brands.Host.Infrastructure.Web;

/// <summary>English for the templates that are keys rather than text (<c>status:…</c>, <c>wait:…</c>, <c>history:…</c>): the rest is its own English.</summary>
internal static class PageTextEn
{
    public static IReadOnlyDictionary<string, string> Texts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["status:active"] = "active",
        ["status:completed"] = "completed",
        ["status:terminated"] = "terminated",
        ["wait:task"] = "task",
        ["wait:timer"] = "timer",
        ["wait:message"] = "message",
        ["wait:signal"] = "signal",
        ["wait:called-case"] = "called case running",
        ["wait:incident"] = "incident",
        ["Documents of task"] = "Documents of task",
    };

    /// <summary>A key's English: the dictionary's, else the part after the prefix with dashes as spaces (<c>history:task-completed</c> → task completed).</summary>
    public static string Of(string template)
    {
        if (Texts.TryGetValue(template, out var text))
        {
            return text;
        }

        var colon = template.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !template.Contains(' ', StringComparison.Ordinal) ? template[(colon + 1)..].Replace('-', ' ') : template;
    }
}
