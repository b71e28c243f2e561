using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

internal sealed class EndEventBehavior : INodeBehavior
{
    public static readonly EndEventBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var end = (EndEvent)node;
        if (node.ExecutionListeners.Count > 0)
        {
            await runner.RunListenersAsync(@case, runner.ScopeOf(@case, token), node.ExecutionListeners, ListenerEvents.End, node.Id);
        }

        runner.Context.History(@case, "element-left", node.Id);
        switch (end.Kind)
        {
            case EndEventKind.Terminate:
                await runner.TerminateScopeAsync(@case, token);
                break;
            case EndEventKind.Error:
                await runner.ThrowErrorAsync(@case, token, end.ErrorCode, checkOwnBoundaries: false);
                break;
            case EndEventKind.Escalation:
                await runner.ThrowEscalationAsync(@case, token, end.Escalation!.EscalationCode);
                if (@case.FindToken(token.Id) is not null)
                {
                    await runner.EndTokenAsync(@case, token);
                }

                break;
            case EndEventKind.Signal:
                runner.ThrowSignal(@case, token, node, end.Signal!);
                await runner.EndTokenAsync(@case, token);
                break;
            default:
                await runner.EndTokenAsync(@case, token);
                break;
        }
    }
}
