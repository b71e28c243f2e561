using System.Text.Json.Nodes;
using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Event sub-processes (BPMN 2.0 §10.2.5; docs/engine.md, "Event sub-processes"): while a scope runs, the timer,
/// message and signal starts of its event sub-processes are armed on the scope; errors and escalations thrown inside
/// it are matched on the way out. An interrupting start cancels everything else in the scope first.
/// </summary>
internal sealed partial class TokenRunner
{
    /// <summary>The process, or the sub-process whose scope <paramref name="scopeId"/> is; null for other scopes (multi-instance).</summary>
    public static FlowContainer? ContainerOf(CaseRuntime @case, string scopeId)
    {
        if (scopeId == ScopeKinds.Root)
        {
            return @case.Process.Body;
        }

        var scope = @case.FindScope(scopeId);
        return scope?.Kind == ScopeKinds.SubProcess && @case.Node(scope.ElementId) is SubProcess subProcess ? subProcess.Body : null;
    }

    private static IWaitHolder? HolderOf(CaseRuntime @case, string scopeId) =>
        scopeId == ScopeKinds.Root ? @case.State.Root : @case.FindScope(scopeId);

    /// <summary>Arms the timer, message and signal starts of the event sub-processes of a scope that just opened.</summary>
    public void ArmEventSubProcesses(CaseRuntime @case, string scopeId)
    {
        var starts = ContainerOf(@case, scopeId)?.EventSubProcesses.Select(e => e.TriggeredStart!)
            .Where(s => s.Trigger is TimerTrigger or MessageTrigger or SignalTrigger).ToList();
        if (starts is not { Count: > 0 })
        {
            return;
        }

        // The root scope has no state of its own until it holds waits: most processes have no event sub-process.
        var holder = scopeId == ScopeKinds.Root ? @case.State.Root ??= new RootWaits() : HolderOf(@case, scopeId);
        foreach (var start in starts)
        {
            Arm(@case, holder!, start, start.Trigger!);
        }
    }

    /// <summary>Removes the waits of a scope's event sub-processes (the scope completed or was cancelled).</summary>
    public void DisarmScope(CaseRuntime @case, string scopeId)
    {
        if (HolderOf(@case, scopeId) is { } holder)
        {
            Disarm(holder);
        }
    }

    /// <summary>A timer, message or signal start of an event sub-process occurred.</summary>
    private async Task FireEventSubProcessAsync(CaseRuntime @case, IWaitHolder holder, EventWait wait, JsonObject? variables)
    {
        var start = (StartEvent)@case.Node(wait.ElementId);
        if (start.IsInterrupting || wait.IsTimer)
        {
            holder.Waits!.Remove(wait);
            Remove(wait);
        }

        await StartEventSubProcessAsync(@case, holder.Id, start, variables, null, null);
    }

    /// <summary>
    /// Starts the event sub-process of <paramref name="start"/> in scope <paramref name="scopeId"/>; an interrupting one
    /// first cancels every token of the scope and the scope's other waits. A caught code goes to its variable.
    /// </summary>
    public async Task StartEventSubProcessAsync(CaseRuntime @case, string scopeId, StartEvent start, JsonObject? variables,
        string? codeVariable, string? code)
    {
        if (start.IsInterrupting)
        {
            DisarmScope(@case, scopeId);
            foreach (var token in @case.TokensIn(scopeId).ToList())
            {
                await CancelTokenAsync(@case, token);
            }
        }

        var eventSubProcess = (SubProcess)@case.Process.AllNodes[start.Container.Id];
        var owner = @case.AddToken(scopeId, eventSubProcess.Id, TokenStates.Ready);
        SetVariables(@case, owner, variables);
        if (codeVariable is not null)
        {
            ScopeOf(@case, owner).SetVariable(codeVariable, code);
        }

        Context.History(@case, "event-sub-process-started", eventSubProcess.Id, new JsonObject { ["interrupting"] = start.IsInterrupting });
        Schedule(@case, owner, TokenStates.Ready);
    }

    /// <summary>The event sub-process start of scope <paramref name="scopeId"/> that catches, if any.</summary>
    private static StartEvent? CatchingStart(CaseRuntime @case, string scopeId, Func<EventTrigger?, bool> catches) =>
        ContainerOf(@case, scopeId)?.EventSubProcesses.Select(e => e.TriggeredStart!).FirstOrDefault(s => catches(s.Trigger));

    /// <summary>
    /// Throws an escalation from <paramref name="token"/>: the nearest event sub-process start or escalation boundary
    /// event on the way out catches it, across call activities too; uncaught, nothing happens (as in Camunda 7). An
    /// interrupting catch may cancel the thrower itself: callers continue it only if it still exists.
    /// </summary>
    public async Task ThrowEscalationAsync(CaseRuntime @case, TokenState token, string? code)
    {
        Context.History(@case, "escalation-thrown", token.ElementId, new JsonObject { ["escalationCode"] = code });
        var (currentCase, current) = (@case, token);
        while (true)
        {
            if (!IsEventSubProcessOwner(currentCase, current)
                && CatchingStart(currentCase, current.ScopeId, t => t is EscalationTrigger e && e.Catches(code)) is { } start)
            {
                Context.History(currentCase, "escalation-caught", start.Id, new JsonObject { ["escalationCode"] = code });
                await StartEventSubProcessAsync(currentCase, current.ScopeId, start, null, ((EscalationTrigger)start.Trigger!).EscalationCodeVariable, code);
                return;
            }

            if (await OwnerOfAsync(currentCase, current) is not var (ownerCase, owner))
            {
                Context.History(@case, "escalation-uncaught", token.ElementId, new JsonObject { ["escalationCode"] = code });
                return;
            }

            if (ownerCase.Node(owner.ElementId) is Activity activity
                && activity.BoundaryEvents.FirstOrDefault(b => b.Trigger is EscalationTrigger e && e.Catches(code)) is { } boundary)
            {
                Context.History(ownerCase, "escalation-caught", boundary.Id, new JsonObject { ["escalationCode"] = code });
                var scopeId = owner.ScopeId;
                if (boundary.CancelActivity)
                {
                    await CancelTokenAsync(ownerCase, owner);
                }

                var path = ownerCase.AddToken(scopeId, boundary.Id, TokenStates.Ready);
                if (((EscalationTrigger)boundary.Trigger).EscalationCodeVariable is { } variable)
                {
                    ScopeOf(ownerCase, path).SetVariable(variable, code);
                }

                Schedule(ownerCase, path, TokenStates.Ready);
                return;
            }

            (currentCase, current) = (ownerCase, owner);
        }
    }

    /// <summary>An error thrown in the scope of <paramref name="current"/> caught by an event sub-process there, if one catches it.</summary>
    private async Task<bool> TryCatchErrorInScopeAsync(CaseRuntime @case, TokenState current, string? errorCode)
    {
        if (IsEventSubProcessOwner(@case, current)
            || CatchingStart(@case, current.ScopeId, t => t is ErrorTrigger e && e.Catches(errorCode)) is not { } start)
        {
            return false;
        }

        Context.History(@case, "error-caught", start.Id, new JsonObject { ["errorCode"] = errorCode });
        await StartEventSubProcessAsync(@case, current.ScopeId, start, null, ((ErrorTrigger)start.Trigger!).ErrorCodeVariable, errorCode);
        return true;
    }

    /// <summary>What is thrown inside an event sub-process is not caught by the event sub-processes beside it.</summary>
    private static bool IsEventSubProcessOwner(CaseRuntime @case, TokenState token) =>
        @case.Node(token.ElementId) is SubProcess { TriggeredByEvent: true };

    /// <summary>
    /// The token that waits for the scope <paramref name="token"/> is in — the sub-process or multi-instance activity,
    /// or, at a called case's root, the calling call activity — or null at the root of a case nobody called.
    /// </summary>
    private async Task<(CaseRuntime Case, TokenState Token)?> OwnerOfAsync(CaseRuntime @case, TokenState token)
    {
        if (token.ScopeId != ScopeKinds.Root)
        {
            var scope = @case.FindScope(token.ScopeId)!;
            var owner = scope.Kind == ScopeKinds.MultiInstanceInner
                ? @case.FindToken(@case.FindScope(scope.ParentId)!.OwnerTokenId)!
                : @case.FindToken(scope.OwnerTokenId)!;
            return (@case, owner);
        }

        if (@case.Record.ParentInstanceId is { } parentId && @case.Record.ParentTokenId is { } parentTokenId)
        {
            var parent = await Context.LoadCaseAsync(parentId, CancellationToken);
            if (parent.FindToken(parentTokenId) is { } caller)
            {
                return (parent, caller);
            }
        }

        return null;
    }
}
