using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>What a service-task handler sees of its case, and how it sets variables.</summary>
public sealed class ServiceTaskContext
{
    private readonly Func<string, JsonNode?> _read;
    private readonly Action<string, JsonNode?> _write;

    internal ServiceTaskContext(Guid caseId, string? businessKey, string elementId, string topic,
        Func<string, JsonNode?> read, Action<string, JsonNode?> write)
    {
        CaseId = caseId;
        BusinessKey = businessKey;
        ElementId = elementId;
        Topic = topic;
        _read = read;
        _write = write;
    }

    public Guid CaseId { get; }
    public string? BusinessKey { get; }
    public string ElementId { get; }
    public string Topic { get; }

    /// <summary>
    /// The variable visible from the task (local first, then enclosing scopes); null when absent. A fresh copy read
    /// from JSON, so numbers convert with <c>GetValue&lt;T&gt;</c> to any numeric type.
    /// </summary>
    public JsonNode? GetVariable(string name) => _read(name) is { } value ? JsonNode.Parse(value.ToJsonString()) : null;

    /// <summary>Sets a variable the way Camunda's setVariable does: in the nearest scope that has it, else on the case.</summary>
    public void SetVariable(string name, JsonNode? value) => _write(name, value);
}
