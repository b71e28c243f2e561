using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>What every handler the engine calls sees of its case: where it runs, and the variables from there.</summary>
public abstract class StepContext
{
    private readonly Func<string, JsonNode?> _read;
    private readonly Action<string, JsonNode?> _write;
    private readonly Action<string, string, string?> _enqueue;

    private protected StepContext(Guid caseId, string? businessKey, string? elementId, Func<string, JsonNode?> read, Action<string, JsonNode?> write,
        Action<string, string, string?> enqueue)
    {
        _enqueue = enqueue;
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

    /// <summary>
    /// Writes a message to the outbox for the dispatcher of <paramref name="topic"/> (docs/engine.md, "Outbox"). It is
    /// committed with this step or not at all: a step that fails leaves none, and a step run again after a conflict
    /// leaves one. A <paramref name="dedupeKey"/> already in the outbox makes this a no-op.
    /// </summary>
    public void EnqueueOutbox(string topic, JsonNode payload, string? dedupeKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(payload);
        _enqueue(topic, payload.ToJsonString(), dedupeKey);
    }
}
