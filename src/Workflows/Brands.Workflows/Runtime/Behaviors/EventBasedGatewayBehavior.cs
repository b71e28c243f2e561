using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// An event-based gateway: the token waits here for the events of every branch at once; the first that occurs takes
/// the token down its branch and the others are removed in the same commit (BPMN 2.0 §13.4.4).
/// </summary>
internal sealed class EventBasedGatewayBehavior : INodeBehavior
{
    public static readonly EventBasedGatewayBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        foreach (var target in node.Outgoing.Select(f => f.Target))
        {
            var trigger = target switch
            {
                IntermediateCatchEvent catchEvent => catchEvent.Trigger,
                ReceiveTask { Message: { } message } => message,
                _ => throw new InvalidOperationException($"'{target.Id}' cannot follow an event-based gateway (the validator refuses it)."),
            };
            runner.Arm(@case, token, target, trigger);
        }

        token.State = TokenStates.Waiting;
        return Task.CompletedTask;
    }
}
