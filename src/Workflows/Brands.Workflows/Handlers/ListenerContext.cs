using System.Text.Json.Nodes;

namespace Brands.Workflows.Handlers;

/// <summary>What a listener handler sees: the case, the element, the event, the task (for task listeners), the variables.</summary>
public sealed class ListenerContext : StepContext
{
    internal ListenerContext(Guid caseId, string? businessKey, string? elementId, string eventName, ListenerTask? task,
        Func<string, JsonNode?> read, Action<string, JsonNode?> write, Action<string, string, string?> enqueue)
        : base(caseId, businessKey, elementId, read, write, enqueue)
    {
        EventName = eventName;
        Task = task;
    }

    /// <summary><c>start</c>, <c>end</c>, <c>create</c>, <c>assignment</c>, <c>complete</c> or <c>timeout</c>.</summary>
    public string EventName { get; }
    /// <summary>The human task, for task listeners.</summary>
    public ListenerTask? Task { get; }
}

/// <summary>The human task a task listener is about, as it stands when the event occurs.</summary>
public sealed record ListenerTask(Guid Id, string? Name, string? Assignee, string? CandidateUsers, string? CandidateGroups, DateTimeOffset? DueAt);
