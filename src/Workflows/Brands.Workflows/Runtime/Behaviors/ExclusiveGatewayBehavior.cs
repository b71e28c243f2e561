using Brands.Workflows.Expressions;
using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>The first outgoing flow (in document order) whose condition holds, else the default (BPMN 2.0 §13.4.2).</summary>
internal sealed class ExclusiveGatewayBehavior : INodeBehavior
{
    public static readonly ExclusiveGatewayBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var gateway = (Gateway)node;
        var scope = runner.ScopeOf(@case, token);
        var scripts = runner.Context.Services.Scripts;
        var chosen = gateway.Outgoing.FirstOrDefault(f => f != gateway.DefaultFlow
                && (f.Condition is null || scripts.EvaluateCondition(f.Condition, scope)))
            ?? gateway.DefaultFlow
            ?? throw new ScriptFailedException($"no condition of the sequence flows leaving gateway '{node.Id}' holds and it has no default flow");
        runner.Context.History(@case, "element-left", node.Id, new() { ["flow"] = chosen.Id });
        await runner.TakeFlowsAsync(@case, token, [chosen]);
    }
}
