using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// A receive task: waits for its message, or, without one, until <see cref="WorkflowEngine.TriggerAsync"/> continues it.
/// </summary>
internal sealed class WaitBehavior : INodeBehavior
{
    public static readonly WaitBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        if (node is ReceiveTask { Message: { } message })
        {
            runner.Arm(@case, token, node, message);
        }

        token.State = TokenStates.Waiting;
        return Task.CompletedTask;
    }
}
