using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>Runs the JavaScript body; its completion value goes to camunda:resultVariable.</summary>
internal sealed class ScriptTaskBehavior : INodeBehavior
{
    public static readonly ScriptTaskBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var task = (ScriptTask)node;
        var scope = runner.ScopeOf(@case, token);
        var result = runner.Context.Services.Scripts.Evaluate(task.Script, scope);
        if (task.ResultVariable is { } variable)
        {
            scope.SetVariable(variable, result);
        }

        runner.Schedule(@case, token, TokenStates.Leaving);
        return Task.CompletedTask;
    }
}
