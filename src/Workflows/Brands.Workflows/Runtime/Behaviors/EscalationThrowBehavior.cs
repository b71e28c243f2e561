using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>An escalation intermediate throw event: throws its escalation, then moves on unless a catch interrupted it.</summary>
internal sealed class EscalationThrowBehavior : INodeBehavior
{
    public static readonly EscalationThrowBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        await runner.ThrowEscalationAsync(@case, token, ((IntermediateThrowEvent)node).Escalation!.EscalationCode);
        if (@case.FindToken(token.Id) is not null)
        {
            runner.Schedule(@case, token, TokenStates.Leaving);
        }
    }
}
