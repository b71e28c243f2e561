using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>Opens a scope for the sub-process body and starts it at its start event; the token waits for the scope.</summary>
internal sealed class SubProcessBehavior : INodeBehavior
{
    public static readonly SubProcessBehavior Instance = new();

    public Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var subProcess = (SubProcess)node;
        var scope = new ScopeState
        {
            Id = @case.State.NewId("s"),
            ParentId = token.ScopeId,
            Kind = ScopeKinds.SubProcess,
            ElementId = node.Id,
            OwnerTokenId = token.Id,
            Variables = token.Variables ?? [],
        };
        token.Variables = null;
        token.State = TokenStates.Waiting;
        @case.State.Scopes.Add(scope);
        var start = subProcess.TriggeredStart ?? subProcess.Body.StartEvents.First(s => s.Trigger is null);
        var inner = @case.AddToken(scope.Id, start.Id, TokenStates.Ready);
        runner.ArmEventSubProcesses(@case, scope.Id);
        runner.Schedule(@case, inner, TokenStates.Ready);
        return Task.CompletedTask;
    }
}
