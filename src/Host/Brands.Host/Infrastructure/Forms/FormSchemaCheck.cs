using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>
/// Checks a body is a form-js schema the host can store and validate against (README "Forms"): a JSON object with
/// an <c>id</c>, a <c>components</c> array whose every component has a <c>type</c>, unique field keys and patterns
/// that compile. Returns the reason for the first problem found, or null.
/// </summary>
internal static partial class FormSchemaCheck
{
    public static string? Problem(string text, out JsonObject? schema)
    {
        schema = null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            return $"The body is not valid JSON: {exception.Message}";
        }

        if (node is not JsonObject root)
        {
            return "A form schema is a JSON object.";
        }

        if (root["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || string.IsNullOrWhiteSpace(id))
        {
            return "The schema has no 'id': the form's id is its 'id' property (a string).";
        }

        if (!FormId().IsMatch(id))
        {
            return $"The form id '{id}' is not valid: use 1 to 100 letters, digits, '_', '-' or '.', starting with a letter or '_'.";
        }

        if (root["components"] is not JsonArray)
        {
            return "The schema has no 'components' array: it is not a form-js schema.";
        }

        var index = 0;
        foreach (var component in FormComponents.All(root))
        {
            index++;
            if (FormComponents.TypeOf(component) is null)
            {
                var name = component["key"] ?? component["id"];
                return $"Component {index}{(name is null ? "" : $" ({name.ToJsonString()})")} has no 'type': it is not a form-js component.";
            }
        }

        if (root["components"]!.AsArray().Any(c => c is not JsonObject))
        {
            return "Every entry of 'components' must be a JSON object.";
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _, component) in FormComponents.Inputs(root))
        {
            if (!keys.Add(key))
            {
                return $"Two fields have the key '{key}': each field needs its own.";
            }

            if (component["validate"]?["pattern"] is JsonValue pattern && pattern.TryGetValue<string>(out var regex) && !Compiles(regex))
            {
                return $"The pattern of field '{key}' is not a valid regular expression: {regex}";
            }
        }

        schema = root;
        return null;
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, FormDataValidator.PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex FormId();
}
