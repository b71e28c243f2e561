using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>An intermediate timer, message or signal catch event: waits until its event occurs (BPMN 2.0 §10.5.4).</summary>
internal sealed class CatchEventBehavior : INodeBehavior
{
    public static readonly CatchEventBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        runner.Arm(@case, token, node, ((IntermediateCatchEvent)node).Trigger);
        token.State = TokenStates.Waiting;
        return Task.CompletedTask;
    }
}
