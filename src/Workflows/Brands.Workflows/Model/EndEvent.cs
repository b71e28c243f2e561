namespace Brands.Workflows.Model;

public sealed class EndEvent(string id, string? name, int line, EndEventKind kind, string? errorCode, SignalTrigger? signal = null)
    : FlowNode(id, name, line)
{
    public EndEventKind Kind { get; } = kind;
    /// <summary>The thrown error's code; null throws an error without a code.</summary>
    public string? ErrorCode { get; } = errorCode;
    /// <summary>The signal a signal end event throws.</summary>
    public SignalTrigger? Signal { get; } = signal;
}
