using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>Start events, none throw events, boundary events after they fired, tasks and manual tasks: leave at once.</summary>
internal sealed class PassThroughBehavior : INodeBehavior
{
    public static readonly PassThroughBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        runner.Schedule(@case, token, TokenStates.Leaving);
        return Task.CompletedTask;
    }
}
