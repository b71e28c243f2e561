using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// Joins when a token has arrived on every incoming flow, then forks to every outgoing flow (BPMN 2.0 §13.4.1).
/// No dead-path elimination: a flow never taken keeps the join waiting, as in Camunda 7.
/// </summary>
internal sealed class ParallelGatewayBehavior : INodeBehavior
{
    public static readonly ParallelGatewayBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            token.State = TokenStates.Joining;
            var arrived = Joining(@case, token, node);
            var byFlow = node.Incoming
                .Select(f => arrived.FirstOrDefault(t => t.ArrivedVia == f.Id))
                .ToList();
            if (byFlow.Any(t => t is null))
            {
                return;
            }

            foreach (var other in byFlow.Where(t => t != token))
            {
                @case.State.Tokens.Remove(other!);
            }
        }

        runner.Context.History(@case, "element-left", node.Id);
        await runner.TakeFlowsAsync(@case, token, node.Outgoing);
    }

    internal static List<TokenState> Joining(CaseRuntime @case, TokenState token, FlowNode node) =>
        [.. @case.TokensIn(token.ScopeId).Where(t => t.ElementId == node.Id && t.State == TokenStates.Joining)];
}
