namespace Brands.Workflows.Model;

public sealed class EndEvent(string id, string? name, int line, EndEventKind kind, string? errorCode, EventTrigger? thrown = null)
    : FlowNode(id, name, line)
{
    public EndEventKind Kind { get; } = kind;
    /// <summary>The thrown error's code; null throws an error without a code.</summary>
    public string? ErrorCode { get; } = errorCode;
    /// <summary>The signal a signal end event throws.</summary>
    public SignalTrigger? Signal { get; } = thrown as SignalTrigger;
    /// <summary>The escalation an escalation end event throws.</summary>
    public EscalationTrigger? Escalation { get; } = thrown as EscalationTrigger;
}
