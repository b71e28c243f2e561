namespace Brands.Workflows.Model;

/// <summary>
/// A start event (BPMN 2.0 §10.5.2): a none start (<see cref="Trigger"/> null) where a start command begins, or a
/// timer, message or signal start that begins a case when its event occurs.
/// </summary>
public sealed class StartEvent(string id, string? name, int line, EventTrigger? trigger = null, bool isInterrupting = true)
    : FlowNode(id, name, line)
{
    public EventTrigger? Trigger { get; } = trigger;

    /// <summary>For an event sub-process's start: whether it cancels the rest of its enclosing scope.</summary>
    public bool IsInterrupting { get; } = isInterrupting;

    /// <summary><c>camunda:initiator</c>: the variable that receives the name of the user who started the case.</summary>
    public string? Initiator { get; internal set; }
}
