using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>A signal intermediate throw event: broadcasts its signal, then moves on.</summary>
internal sealed class SignalThrowBehavior : INodeBehavior
{
    public static readonly SignalThrowBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        runner.ThrowSignal(@case, token, node, ((IntermediateThrowEvent)node).Signal!);
        runner.Schedule(@case, token, TokenStates.Leaving);
        return Task.CompletedTask;
    }
}
