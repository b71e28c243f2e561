namespace Brands.Workflows.Model;

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
