namespace Brands.Workflows.Model;

/// <summary>
/// A service task with <c>camunda:expression</c>: evaluates its JavaScript expression and stores the value in
/// <c>camunda:resultVariable</c>, if given (Camunda 7 evaluates JUEL there; we evaluate JavaScript, docs/engine.md, "Listeners").
/// </summary>
public sealed class ExpressionTask(string id, string? name, int line, Expression expression, string? resultVariable) : Activity(id, name, line)
{
    public Expression Expression { get; } = expression;
    public string? ResultVariable { get; } = resultVariable;
}
