using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>
/// Checks submitted task data against a form-js schema, as the browser would and more (README "Forms"): required
/// fields, each field's type, <c>validate.min</c>/<c>max</c>, <c>minLength</c>/<c>maxLength</c> and <c>pattern</c>,
/// the allowed values of selects, radios, checklists and tag lists, and no value that is not a field of the form.
/// Returns the errors keyed by field key; empty when the data is acceptable.
/// </summary>
internal static partial class FormDataValidator
{
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static IDictionary<string, string[]> Validate(JsonObject schema, JsonObject? data)
    {
        data ??= [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fields = FormComponents.Inputs(schema).ToList();
        var keys = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        RefuseUnknown(data, "", keys, errors);
        foreach (var (key, type, component) in fields)
        {
            var value = ValueAt(data, key);
            var problem = IsEmpty(value, type)
                ? Required(component) ? "This field is required." : null
                : Check(type, component, value!);
            if (problem is not null)
            {
                errors[key] = [problem];
            }
        }

        return errors;
    }

    private static void RefuseUnknown(JsonObject data, string prefix, HashSet<string> keys, Dictionary<string, string[]> errors)
    {
        foreach (var (name, value) in data)
        {
            var path = prefix + name;
            if (keys.Contains(path))
            {
                continue;
            }

            if (value is JsonObject nested && keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal)))
            {
                RefuseUnknown(nested, path + ".", keys, errors);
                continue;
            }

            errors[path] = ["This is not a field of the task's form."];
        }
    }

    /// <summary>form-js keys may be paths ("applicant.name"): the value sits in nested objects.</summary>
    private static JsonNode? ValueAt(JsonObject data, string key)
    {
        JsonNode? node = data;
        foreach (var part in key.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    private static bool IsEmpty(JsonNode? value, string type) => value switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        JsonValue v when type == "checkbox" && v.GetValueKind() == JsonValueKind.False => true,
        JsonArray a => a.Count == 0,
        _ => false,
    };

    private static bool Required(JsonObject component) => component["validate"]?["required"] is JsonValue r && r.GetValueKind() == JsonValueKind.True;

    private static string? Check(string type, JsonObject component, JsonNode value) => type switch
    {
        "textfield" or "textarea" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? CheckText(component, v.GetValue<string>())
            : "Enter text.",
        "number" => CheckNumber(component, value),
        "checkbox" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "Answer yes or no (true or false).",
        "select" or "radio" => IsAllowed(component, value) ? null : "Choose one of the offered values.",
        "checklist" or "taglist" => CheckList(component, value),
        "datetime" => CheckDateTime(component, value),
        _ => null,
    };

    private static string? CheckText(JsonObject component, string text)
    {
        var validate = component["validate"] as JsonObject;
        if (Number(validate?["minLength"]) is { } min && text.Length < min)
        {
            return $"Enter at least {min} characters.";
        }

        if (Number(validate?["maxLength"]) is { } max && text.Length > max)
        {
            return $"Enter at most {max} characters.";
        }

        if (validate?["pattern"] is JsonValue p && p.TryGetValue<string>(out var pattern) && pattern.Length > 0)
        {
            try
            {
                if (!Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout))
                {
                    return $"The value does not match the pattern {pattern}.";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return $"The value could not be checked against the pattern {pattern} in time.";
            }
        }

        return null;
    }

    private static string? CheckNumber(JsonObject component, JsonNode value)
    {
        decimal? number = value is JsonValue v ? v.GetValueKind() switch
        {
            JsonValueKind.Number => ToDecimal(v),
            // form-js sends the number as a string when the field says serializeToString.
            JsonValueKind.String when component["serializeToString"] is JsonValue s && s.GetValueKind() == JsonValueKind.True
                && decimal.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;
        if (number is null)
        {
            return "Enter a number.";
        }

        var validate = component["validate"] as JsonObject;
        if (Number(validate?["min"]) is { } min && number < min)
        {
            return $"Enter a number of at least {min.ToString(CultureInfo.InvariantCulture)}.";
        }

        return Number(validate?["max"]) is { } max && number > max
            ? $"Enter a number of at most {max.ToString(CultureInfo.InvariantCulture)}."
            : null;
    }

    private static string? CheckList(JsonObject component, JsonNode value)
    {
        if (value is not JsonArray items)
        {
            return "Choose a list of the offered values.";
        }

        if (!items.All(item => item is not null && IsAllowed(component, item)))
        {
            return "Choose only offered values.";
        }

        return items.Distinct(JsonNodeEquality.Instance).Count() == items.Count ? null : "Choose each value once.";
    }

    /// <summary>Static <c>values</c> restrict the choice; values from input data or an expression are not known here, so any scalar is accepted.</summary>
    private static bool IsAllowed(JsonObject component, JsonNode value)
    {
        if (value is not JsonValue)
        {
            return false;
        }

        return component["values"] is not JsonArray options
            || options.Any(option => JsonNode.DeepEquals(option?["value"], value));
    }

    private static string? CheckDateTime(JsonObject component, JsonNode value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return "Enter a date or time as text (ISO 8601).";
        }

        var text = v.GetValue<string>();
        var subtype = component["subtype"] is JsonValue s && s.TryGetValue<string>(out var st) ? st : "date";
        return subtype switch
        {
            "time" => IsoTime().IsMatch(text) ? null : "Enter a time as HH:mm (ISO 8601).",
            "datetime" => IsoDateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
                ? null
                : "Enter a date and time as yyyy-MM-ddTHH:mm (ISO 8601).",
            _ => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : "Enter a date as yyyy-MM-dd (ISO 8601).",
        };
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? ToDecimal(v) : null;

    /// <summary>Through the JSON text, so a value parsed from a request and one built in code read the same.</summary>
    private static decimal? ToDecimal(JsonValue value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoDateTime();
}
