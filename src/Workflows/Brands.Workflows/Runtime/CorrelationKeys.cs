using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;

namespace Brands.Workflows.Runtime;

/// <summary>
/// The correlation key stored with a message subscription: the values of the variables the catching element
/// declares (<c>camunda:property name="correlationKeys"</c>), as one canonical text. A message that names the same
/// variables with the same values computes the same text, so correlation is one indexed comparison.
/// </summary>
internal static class CorrelationKeys
{
    /// <summary>The key of the declared variables as visible in <paramref name="scope"/>; null when none are declared.</summary>
    public static string? Compute(IReadOnlyList<string> names, IScriptScope scope)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var values = new JsonObject();
        foreach (var name in names)
        {
            values[name] = scope.TryGetVariable(name, out var value) ? value?.DeepClone() : null;
        }

        return values.ToJsonString();
    }

    /// <summary>The key a message's correlation keys stand for, names in ordinal order as <see cref="Compute"/> writes them.</summary>
    public static string? Of(JsonObject? keys)
    {
        if (keys is null || keys.Count == 0)
        {
            return null;
        }

        var values = new JsonObject();
        foreach (var (name, value) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            values[name] = value?.DeepClone();
        }

        return values.ToJsonString();
    }
}
