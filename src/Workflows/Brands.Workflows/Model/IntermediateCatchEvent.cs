namespace Brands.Workflows.Model;

/// <summary>Waits for its timer, message or signal, then leaves (BPMN 2.0 §10.5.4).</summary>
public sealed class IntermediateCatchEvent(string id, string? name, int line, EventTrigger trigger) : FlowNode(id, name, line)
{
    public EventTrigger Trigger { get; } = trigger;
}
