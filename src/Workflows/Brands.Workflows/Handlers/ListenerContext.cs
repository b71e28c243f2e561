using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>What a listener handler sees: the case, the element, the event, the task (for task listeners), the variables.</summary>
public sealed class ListenerContext
{
    private readonly Func<string, JsonNode?> _read;
    private readonly Action<string, JsonNode?> _write;

    internal ListenerContext(Guid caseId, string? businessKey, string? elementId, string eventName, ListenerTask? task,
        Func<string, JsonNode?> read, Action<string, JsonNode?> write)
    {
        CaseId = caseId;
        BusinessKey = businessKey;
        ElementId = elementId;
        EventName = eventName;
        Task = task;
        _read = read;
        _write = write;
    }

    public Guid CaseId { get; }
    public string? BusinessKey { get; }
    /// <summary>The element the listener is on; null for a listener of the process itself.</summary>
    public string? ElementId { get; }
    /// <summary><c>start</c>, <c>end</c>, <c>create</c>, <c>assignment</c>, <c>complete</c> or <c>timeout</c>.</summary>
    public string EventName { get; }
    /// <summary>The human task, for task listeners.</summary>
    public ListenerTask? Task { get; }

    /// <summary>The variable visible from the element (local first, then enclosing scopes); a fresh copy, or null.</summary>
    public JsonNode? GetVariable(string name) => _read(name) is { } value ? JsonNode.Parse(value.ToJsonString()) : null;

    /// <summary>Sets a variable the way Camunda's setVariable does: in the nearest scope that has it, else on the case.</summary>
    public void SetVariable(string name, JsonNode? value) => _write(name, value);
}

/// <summary>The human task a task listener is about, as it stands when the event occurs.</summary>
public sealed record ListenerTask(Guid Id, string? Name, string? Assignee, string? CandidateUsers, string? CandidateGroups, DateTimeOffset? DueAt);
