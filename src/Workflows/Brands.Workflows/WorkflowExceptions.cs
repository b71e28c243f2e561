namespace Brands.Workflows;

/// <summary>One problem found in a BPMN file: what, where (element id and line), in plain words.</summary>
public sealed record ValidationError(string? ElementId, int? Line, string Message)
{
    public override string ToString() =>
        $"{(Line is { } l ? $"line {l}: " : "")}{(ElementId is { } id ? $"'{id}': " : "")}{Message}";
}

/// <summary>A BPMN file was refused at deploy time; <see cref="Errors"/> lists every problem, not only the first.</summary>
public sealed class BpmnValidationException(IReadOnlyList<ValidationError> errors)
    : Exception($"The BPMN file was refused: {string.Join("; ", errors.Take(5))}")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>A definition, case, task or job that does not exist (HTTP 404).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);

/// <summary>The command conflicts with the current state: the task is held by someone else or already done (HTTP 409).</summary>
public sealed class WorkflowConflictException(string message) : Exception(message);

/// <summary>The caller's input is wrong, e.g. variables that cannot be stored (HTTP 400).</summary>
public sealed class WorkflowInputException(string message) : Exception(message);
