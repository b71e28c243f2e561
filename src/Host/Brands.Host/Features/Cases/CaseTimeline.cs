using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;

namespace Brands.Host.Features.Cases;

/// <summary>The case's history as a timeline, the elements it has completed, and the cases it called from where.</summary>
internal static class CaseTimeline
{
    public static IReadOnlyList<CaseView.TimelineEntry> Entries(IEnumerable<HistoryRecord> history, IReadOnlyDictionary<string, string> names) =>
        [.. history.OrderBy(h => h.Sequence).Select(h =>
        {
            var data = h.DataJson is null ? null : JsonNode.Parse(h.DataJson) as JsonObject;
            return new CaseView.TimelineEntry(h.Sequence, h.At, h.Kind, h.ElementId, h.ElementId is null ? null : names.GetValueOrDefault(h.ElementId),
                h.UserId, (string?)data?["onBehalfOf"], Summary(h.Kind, data));
        })];

    /// <summary>Elements the case has entered and left (the completed path), in the order it first left them.</summary>
    public static IReadOnlyList<string> CompletedElementIds(IEnumerable<HistoryRecord> history) =>
        [.. history.OrderBy(h => h.Sequence)
            .Where(h => h.ElementId is not null && h.Kind is "element-left" or "element-passed")
            .Select(h => h.ElementId!)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Called case id → the call activity that called it, from the <c>case-called</c> entries.</summary>
    public static IReadOnlyDictionary<Guid, string> CalledFrom(IEnumerable<HistoryRecord> history) =>
        history.Where(h => h.Kind == "case-called" && h.ElementId is not null && h.DataJson is not null)
            .Select(h => (Id: Guid.TryParse((string?)JsonNode.Parse(h.DataJson!)?["caseId"], out var id) ? id : Guid.Empty, Element: h.ElementId!))
            .Where(x => x.Id != Guid.Empty)
            .GroupBy(x => x.Id)
            .ToDictionary(g => g.Key, g => g.First().Element);

    /// <summary>The entry's details in a line: the data fields people look for, never whole variable sets.</summary>
    private static string? Summary(string kind, JsonObject? data)
    {
        if (data is null)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var (key, value) in data)
        {
            switch (key)
            {
                case "onBehalfOf" or "taskId" or "jobId" or "incidentId":
                    break;
                case "variables" when value is JsonObject variables:
                    if (variables.Count > 0)
                    {
                        parts.Add($"variables: {string.Join(", ", variables.Select(v => v.Key))}");
                    }

                    break;
                case "old" or "new" when kind == "variable-changed":
                    parts.Add($"{key}: {VariableSummary.Text(value)}");
                    break;
                default:
                    if (value is JsonValue)
                    {
                        parts.Add($"{key}: {VariableSummary.Text(value)}");
                    }

                    break;
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
