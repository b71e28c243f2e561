using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// Runs a script task's JavaScript body, or a service task's <c>camunda:expression</c>; the value goes to
/// camunda:resultVariable.
/// </summary>
internal sealed class ScriptTaskBehavior : INodeBehavior
{
    public static readonly ScriptTaskBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var (script, resultVariable) = node switch
        {
            ScriptTask task => (task.Script, task.ResultVariable),
            _ => (((ExpressionTask)node).Expression, ((ExpressionTask)node).ResultVariable),
        };
        var scope = runner.ScopeOf(@case, token);
        var result = runner.Context.Services.Scripts.Evaluate(script, scope);
        if (resultVariable is { } variable)
        {
            scope.SetVariable(variable, result);
        }

        runner.Schedule(@case, token, TokenStates.Leaving);
        return Task.CompletedTask;
    }
}
