namespace Brands.Workflows.Model;

/// <summary>
/// An event attached to an activity (BPMN 2.0 §10.5.4): an error, timer, message or signal that occurs while the
/// activity runs. An interrupting one (<see cref="CancelActivity"/>) cancels the activity; a non-interrupting one
/// starts a path of its own beside it. Error boundary events always interrupt.
/// </summary>
public sealed class BoundaryEvent(string id, string? name, int line, Activity attachedTo, EventTrigger trigger, bool cancelActivity)
    : FlowNode(id, name, line)
{
    public Activity AttachedTo { get; } = attachedTo;
    public EventTrigger Trigger { get; } = trigger;
    public bool CancelActivity { get; } = cancelActivity;

    /// <summary>An error boundary event's code; null catches every error (and for other triggers).</summary>
    public string? ErrorCode => (Trigger as ErrorTrigger)?.ErrorCode;

    /// <summary><c>camunda:errorCodeVariable</c>: where the caught code is stored.</summary>
    public string? ErrorCodeVariable => (Trigger as ErrorTrigger)?.ErrorCodeVariable;

    /// <summary>True for an error boundary event that catches <paramref name="code"/>.</summary>
    public bool Catches(string? code) => Trigger is ErrorTrigger error && error.Catches(code);
}
