namespace Brands.Workflows.Model;

/// <summary>An intermediate throw event: a none event a token passes straight through, or one that throws a signal or an escalation.</summary>
public sealed class IntermediateThrowEvent(string id, string? name, int line, SignalTrigger? signal = null, EscalationTrigger? escalation = null)
    : FlowNode(id, name, line)
{
    public SignalTrigger? Signal { get; } = signal;
    public EscalationTrigger? Escalation { get; } = escalation;
}
