using Brands.Workflows.Expressions;
using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// Forks to every flow whose condition holds (else the default). Joins once no other token of the scope can still
/// reach the gateway — the OR-join of BPMN 2.0 §13.4.3 — consuming one token per incoming flow that has one.
/// </summary>
internal sealed class InclusiveGatewayBehavior : INodeBehavior
{
    public static readonly InclusiveGatewayBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            token.State = TokenStates.Joining;
            await TryJoinAsync(runner, @case, token, (InclusiveGateway)node);
            return;
        }

        await ForkAsync(runner, @case, token, (InclusiveGateway)node);
    }

    /// <summary>Fires the join if nothing else can arrive; true when it fired.</summary>
    public static async Task<bool> TryJoinAsync(TokenRunner runner, CaseRuntime @case, TokenState token, InclusiveGateway gateway)
    {
        var container = gateway.Container;
        var others = @case.TokensIn(token.ScopeId).Where(t => !(t.ElementId == gateway.Id && t.State == TokenStates.Joining));
        foreach (var other in others)
        {
            if (container.Nodes.TryGetValue(other.ElementId, out var at)
                && (at == gateway || container.ReachableFrom(at).Contains(gateway)))
            {
                return false;
            }
        }

        var arrived = ParallelGatewayBehavior.Joining(@case, token, gateway);
        var consumed = arrived.GroupBy(t => t.ArrivedVia).Select(g => g.First()).ToList();
        var survivor = consumed.Contains(token) ? token : consumed[0];
        foreach (var other in consumed.Where(t => t != survivor))
        {
            @case.State.Tokens.Remove(other);
        }

        await ForkAsync(runner, @case, survivor, gateway);
        return true;
    }

    private static async Task ForkAsync(TokenRunner runner, CaseRuntime @case, TokenState token, InclusiveGateway gateway)
    {
        var scope = runner.ScopeOf(@case, token);
        var scripts = runner.Context.Services.Scripts;
        var taken = gateway.Outgoing
            .Where(f => f != gateway.DefaultFlow && (f.Condition is null || scripts.EvaluateCondition(f.Condition, scope)))
            .ToList();
        if (taken.Count == 0 && gateway.DefaultFlow is { } defaultFlow)
        {
            taken.Add(defaultFlow);
        }

        if (taken.Count == 0)
        {
            throw new ScriptFailedException($"no condition of the sequence flows leaving gateway '{gateway.Id}' holds and it has no default flow");
        }

        runner.Context.History(@case, "element-left", gateway.Id, new() { ["flows"] = string.Join(',', taken.Select(f => f.Id)) });
        await runner.TakeFlowsAsync(@case, token, taken);
    }
}
