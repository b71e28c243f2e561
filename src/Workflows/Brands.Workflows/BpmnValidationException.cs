namespace Brands.Workflows;

/// <summary>A BPMN file was refused at deploy time; <see cref="Errors"/> lists every problem, not only the first.</summary>
public sealed class BpmnValidationException(IReadOnlyList<ValidationError> errors)
    : Exception($"The BPMN file was refused: {string.Join("; ", errors.Take(5))}")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
