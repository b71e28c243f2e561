using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Variables as seen from a token: its local variables, then each enclosing scope out to the case. Writes follow
/// Camunda's setVariable: the nearest scope that already holds the name, otherwise the case (README "The engine").
/// </summary>
internal sealed class VariableScope(CommandContext context, CaseRuntime @case, TokenState? token, string scopeId) : IScriptScope
{
    public string? BusinessKey => @case.Record.BusinessKey;

    /// <summary>The process's time zone, for dates written as durations.</summary>
    public string TimeZone => @case.Process.TimeZone;

    /// <summary>The engine's business calendar, for working-day durations.</summary>
    public Timers.IBusinessCalendar Calendar => context.Services.Calendar;
    public Guid CaseId => @case.Id;

    public IEnumerable<KeyValuePair<string, JsonNode?>> VisibleVariables()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variables in Layers())
        {
            foreach (var pair in variables)
            {
                if (seen.Add(pair.Key))
                {
                    yield return pair;
                }
            }
        }
    }

    public JsonNode? Get(string name) => TryGetVariable(name, out var value) ? value : null;

    public bool TryGetVariable(string name, out JsonNode? value)
    {
        foreach (var variables in Layers())
        {
            if (variables.TryGetPropertyValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public void SetVariable(string name, JsonNode? value)
    {
        var target = Layers().FirstOrDefault(v => v.ContainsKey(name)) ?? @case.Variables;
        SetIn(target, name, value);
    }

    /// <summary>Sets a variable in the token's own (local) layer.</summary>
    public void SetLocal(string name, JsonNode? value)
    {
        if (token is null)
        {
            SetIn(@case.VariablesOf(scopeId), name, value);
            return;
        }

        token.Variables ??= [];
        SetIn(token.Variables, name, value);
    }

    private void SetIn(JsonObject target, string name, JsonNode? value)
    {
        target.TryGetPropertyValue(name, out var old);
        var copy = value?.DeepClone();
        if (old is null && copy is null && target.ContainsKey(name) || JsonNode.DeepEquals(old, copy) && target.ContainsKey(name))
        {
            return;
        }

        context.BeforeVariableWrite(target, name, old);
        target[name] = copy;
        if (ReferenceEquals(target, @case.Variables))
        {
            context.History(@case, "variable-changed", token?.ElementId, new JsonObject
            {
                ["name"] = name,
                ["old"] = old?.DeepClone(),
                ["new"] = copy?.DeepClone(),
            });
        }
    }

    private IEnumerable<JsonObject> Layers()
    {
        if (token?.Variables is { } local)
        {
            yield return local;
        }

        foreach (var id in @case.ScopeChain(scopeId))
        {
            yield return @case.VariablesOf(id);
        }
    }
}
