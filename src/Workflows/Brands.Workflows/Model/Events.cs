namespace Brands.Workflows.Model;

/// <summary>A none start event (BPMN 2.0 §10.5.2). Triggered starts (timer, message) come with a later release.</summary>
public sealed class StartEvent(string id, string? name, int line) : FlowNode(id, name, line);

/// <summary>What an end event does when a token reaches it (BPMN 2.0 §10.5.3).</summary>
public enum EndEventKind
{
    None,
    /// <summary>Ends every token of the enclosing scope.</summary>
    Terminate,
    /// <summary>Throws a BPMN error to the nearest matching error boundary event.</summary>
    Error,
}

public sealed class EndEvent(string id, string? name, int line, EndEventKind kind, string? errorCode) : FlowNode(id, name, line)
{
    public EndEventKind Kind { get; } = kind;
    /// <summary>The thrown error's code; null throws an error without a code.</summary>
    public string? ErrorCode { get; } = errorCode;
}

/// <summary>A none intermediate throw event: a milestone a token passes straight through.</summary>
public sealed class IntermediateThrowEvent(string id, string? name, int line) : FlowNode(id, name, line);

/// <summary>An error boundary event (BPMN 2.0 §10.5.6), always interrupting.</summary>
public sealed class BoundaryEvent(string id, string? name, int line, Activity attachedTo, string? errorCode, string? errorCodeVariable)
    : FlowNode(id, name, line)
{
    public Activity AttachedTo { get; } = attachedTo;
    /// <summary>The code caught; null catches every error.</summary>
    public string? ErrorCode { get; } = errorCode;
    /// <summary><c>camunda:errorCodeVariable</c>: where the caught code is stored.</summary>
    public string? ErrorCodeVariable { get; } = errorCodeVariable;

    public bool Catches(string? code) => ErrorCode is null || ErrorCode == code;
}
