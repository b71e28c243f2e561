using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>A receive task: waits until <see cref="WorkflowEngine.TriggerAsync"/> continues it.</summary>
internal sealed class WaitBehavior : INodeBehavior
{
    public static readonly WaitBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        token.State = TokenStates.Waiting;
        return Task.CompletedTask;
    }
}
