using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>What every handler the engine calls sees of its case: where it runs, and the variables from there.</summary>
public abstract class StepContext
{
    private readonly Func<string, JsonNode?> _read;
    private readonly Action<string, JsonNode?> _write;

    private protected StepContext(Guid caseId, string? businessKey, string? elementId, Func<string, JsonNode?> read, Action<string, JsonNode?> write)
    {
        CaseId = caseId;
        BusinessKey = businessKey;
        ElementId = elementId;
        _read = read;
        _write = write;
    }

    public Guid CaseId { get; }
    public string? BusinessKey { get; }
    /// <summary>The element the handler runs for; null for a listener of the process itself.</summary>
    public string? ElementId { get; }

    /// <summary>
    /// The variable visible from the element (local first, then enclosing scopes); null when absent. A fresh copy read
    /// from JSON, so numbers convert with <c>GetValue&lt;T&gt;</c> to any numeric type.
    /// </summary>
    public JsonNode? GetVariable(string name) => _read(name) is { } value ? JsonNode.Parse(value.ToJsonString()) : null;

    /// <summary>Sets a variable the way Camunda's setVariable does: in the nearest scope that has it, else on the case.</summary>
    public void SetVariable(string name, JsonNode? value) => _write(name, value);
}
