namespace Brands.Workflows.Model;

/// <summary><c>multiInstanceLoopCharacteristics</c> (BPMN 2.0 §10.3.7) with Camunda's collection attributes.</summary>
public sealed class MultiInstance
{
    public bool IsSequential { get; init; }
    public Expression? LoopCardinality { get; init; }
    /// <summary><c>camunda:collection</c>: an expression or a variable name.</summary>
    public Expression? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public Expression? CompletionCondition { get; init; }
}
