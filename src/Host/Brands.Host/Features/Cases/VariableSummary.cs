using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Brands.Host.Features.Cases;

/// <summary>Case variables as a person reads them: sorted by name, each value as short text (long JSON cut to <see cref="MaxText"/> characters).</summary>
internal static class VariableSummary
{
    public const int MaxText = 200;

    public static IReadOnlyList<CaseView.Variable> Of(JsonObject variables) =>
        [.. variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new CaseView.Variable(v.Key, Text(v.Value), v.Value))];

    public static string Text(JsonNode? value)
    {
        var text = value switch
        {
            null => "—",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.True => "✓",
            JsonValue v when v.GetValueKind() == JsonValueKind.False => "✗",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => Convert.ToString(v.GetValue<decimal>(), CultureInfo.InvariantCulture)!,
            JsonArray { Count: 0 } => "[]",
            JsonArray array when array.All(item => item is JsonValue) => string.Join(", ", array.Select(Text)),
            _ => value.ToJsonString(),
        };
        return text.Length <= MaxText ? text : text[..MaxText] + "…";
    }
}
