using System.Text.Json.Nodes;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>The components of a form-js schema, and which of them hold a value the user submits (README "Forms").</summary>
internal static class FormComponents
{
    /// <summary>Field types whose value is submitted under their <c>key</c> and checked by <see cref="FormDataValidator"/>.</summary>
    public static readonly IReadOnlySet<string> InputTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "checkbox", "select", "radio", "checklist", "taglist", "datetime",
    };

    /// <summary>Every component, depth first, including those inside groups (their <c>components</c>).</summary>
    public static IEnumerable<JsonObject> All(JsonObject schema)
    {
        var pending = new Stack<JsonNode?>((schema["components"] as JsonArray ?? []).Reverse());
        while (pending.Count > 0)
        {
            if (pending.Pop() is not JsonObject component)
            {
                continue;
            }

            yield return component;
            foreach (var child in (component["components"] as JsonArray ?? []).Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The input fields (<see cref="InputTypes"/> with a key).</summary>
    public static IEnumerable<(string Key, string Type, JsonObject Component)> Inputs(JsonObject schema) =>
        All(schema)
            .Select(c => (Key: c["key"] is JsonValue k && k.TryGetValue<string>(out var key) ? key : null, Type: TypeOf(c), Component: c))
            .Where(c => c.Key is { Length: > 0 } && c.Type is not null && InputTypes.Contains(c.Type))
            .Select(c => (c.Key!, c.Type!, c.Component));

    public static string? TypeOf(JsonObject component) =>
        component["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;
}
