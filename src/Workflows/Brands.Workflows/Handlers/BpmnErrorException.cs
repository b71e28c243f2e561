namespace Brands.Workflows.Handlers;

/// <summary>A business error with a BPMN error code, caught by a matching error boundary event (BPMN 2.0 §10.5.6).</summary>
public sealed class BpmnErrorException(string errorCode, string? message = null)
    : Exception(message ?? $"BPMN error '{errorCode}'")
{
    public string ErrorCode { get; } = errorCode;
}
