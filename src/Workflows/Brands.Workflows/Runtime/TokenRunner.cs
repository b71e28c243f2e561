using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime.Behaviors;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Moves tokens until every one waits (run-to-completion, docs/engine.md, "Commands and transactions"): enters elements through their behaviour,
/// leaves them along their outgoing flows, and completes scopes that run out of tokens.
/// </summary>
internal sealed partial class TokenRunner(CommandContext context, CancellationToken cancellationToken)
{
    public CommandContext Context { get; } = context;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public async Task RunAsync()
    {
        while (true)
        {
            while (Context.TryNext(out var @case, out var token))
            {
                if (@case.FindToken(token.Id) is null || @case.IsEnded)
                {
                    continue;
                }

                if (++Context.Steps > Context.Services.Options.MaxStepsPerCommand)
                {
                    Fail(@case, token, $"the case moved more than {Context.Services.Options.MaxStepsPerCommand:N0} steps in one command; it probably loops without waiting", IncidentKinds.Loop);
                    continue;
                }

                var leaving = token.State == TokenStates.Leaving;
                _step = Context.BeginStep();
                try
                {
                    if (token.State == TokenStates.Ready)
                    {
                        await EnterAsync(@case, token);
                    }
                    else if (token.State == TokenStates.Leaving)
                    {
                        await LeaveAsync(@case, token);
                    }
                }
                catch (ScriptFailedException e) when (@case.FindToken(token.Id) is not null)
                {
                    RollBackStep();
                    token.ResumeLeaving = leaving;
                    Fail(@case, token, e.Message, IncidentKinds.Expression);
                }
            }

            // Tokens that ended elsewhere may release an inclusive join (BPMN 2.0 §13.4.3).
            if (!await ReleaseInclusiveJoinsAsync())
            {
                return;
            }
        }
    }

    private CommandContext.StepMark _step;

    /// <summary>Undoes the variable writes and history of the step running now, before it is parked as failed.</summary>
    public void RollBackStep() => Context.RollBack(_step);

    public VariableScope ScopeOf(CaseRuntime @case, TokenState token) => new(Context, @case, token, token.ScopeId);

    public void Schedule(CaseRuntime @case, TokenState token, string state)
    {
        token.State = state;
        Context.Schedule(@case, token);
    }

    private async Task EnterAsync(CaseRuntime @case, TokenState token)
    {
        var node = @case.Node(token.ElementId);
        if (node.AsyncBefore && !token.AsyncDone && !token.MultiInstanceInner)
        {
            token.State = TokenStates.AsyncBefore;
            AddJob(@case, token, JobKind.AsyncBefore, retries: RetriesFor(node), due: Context.Now);
            return;
        }

        token.AsyncDone = false;
        Context.History(@case, "element-entered", node.Id);
        if (node is Activity { BoundaryEvents.Count: > 0 } withBoundaries && !token.MultiInstanceInner)
        {
            ArmBoundaryEvents(@case, token, withBoundaries);
        }

        if (node is Activity { MultiInstance: not null } activity && !token.MultiInstanceInner)
        {
            await MultiInstanceBehavior.EnterAsync(this, @case, token, activity);
            return;
        }

        if (node.Inputs.Count > 0)
        {
            var scope = ScopeOf(@case, token);
            foreach (var input in node.Inputs)
            {
                scope.SetLocal(input.Name, input.Value is null ? null : Context.Services.Scripts.Evaluate(input.Value, scope));
            }
        }

        if (node.ExecutionListeners.Count > 0)
        {
            await RunListenersAsync(@case, ScopeOf(@case, token), node.ExecutionListeners, ListenerEvents.Start, node.Id);
        }

        await BehaviorFor(node).ExecuteAsync(this, @case, token, node);
    }

    private static INodeBehavior BehaviorFor(FlowNode node) => node switch
    {
        UserTask => UserTaskBehavior.Instance,
        ServiceTask => ServiceTaskBehavior.Instance,
        ScriptTask or ExpressionTask => ScriptTaskBehavior.Instance,
        ReceiveTask => WaitBehavior.Instance,
        IntermediateCatchEvent => CatchEventBehavior.Instance,
        EventBasedGateway => EventBasedGatewayBehavior.Instance,
        IntermediateThrowEvent { Signal: not null } => SignalThrowBehavior.Instance,
        IntermediateThrowEvent { Escalation: not null } => EscalationThrowBehavior.Instance,
        SubProcess => SubProcessBehavior.Instance,
        CallActivity => CallActivityBehavior.Instance,
        ExclusiveGateway => ExclusiveGatewayBehavior.Instance,
        ParallelGateway => ParallelGatewayBehavior.Instance,
        InclusiveGateway => InclusiveGatewayBehavior.Instance,
        EndEvent => EndEventBehavior.Instance,
        _ => PassThroughBehavior.Instance,
    };

    private async Task LeaveAsync(CaseRuntime @case, TokenState token)
    {
        // Whatever the element waited for besides (boundary events, a message it was triggered without) ends here.
        Disarm(token);
        var node = @case.Node(token.ElementId);
        // A multi-instance activity's end listeners run for each instance, not again for the whole activity.
        var endListeners = node.ExecutionListeners.Exists(l => l.Event == ListenerEvents.End)
            && (node is not Activity { MultiInstance: not null } || token.MultiInstanceInner);
        if ((node.Outputs.Count > 0 || endListeners) && !token.AsyncDone && !token.OutputsDone)
        {
            var inner = ScopeOf(@case, token);
            var outer = new VariableScope(Context, @case, null, token.ScopeId);
            foreach (var output in node.Outputs)
            {
                outer.SetVariable(output.Name, output.Value is null ? null : Context.Services.Scripts.Evaluate(output.Value, inner));
            }

            if (endListeners)
            {
                await RunListenersAsync(@case, inner, node.ExecutionListeners, ListenerEvents.End, node.Id);
            }

            token.OutputsDone = true;
        }

        token.Variables = null;
        if (node.AsyncAfter && !token.AsyncDone && !token.MultiInstanceInner)
        {
            token.State = TokenStates.AsyncAfter;
            AddJob(@case, token, JobKind.AsyncAfter, retries: RetriesFor(node), due: Context.Now);
            return;
        }

        token.AsyncDone = false;
        if (node is not Gateway)
        {
            Context.History(@case, "element-left", node.Id);
        }

        if (token.MultiInstanceInner)
        {
            await MultiInstanceBehavior.InnerCompletedAsync(this, @case, token, (Activity)node);
            return;
        }

        await TakeFlowsAsync(@case, token, SelectFlows(@case, token, node));
    }

    /// <summary>Outgoing flows of a non-gateway element: every flow whose condition holds, else the default.</summary>
    private List<SequenceFlow> SelectFlows(CaseRuntime @case, TokenState token, FlowNode node)
    {
        var defaultFlow = (node as Activity)?.DefaultFlow;
        var scope = ScopeOf(@case, token);
        var taken = node.Outgoing
            .Where(f => f != defaultFlow && (f.Condition is null || Context.Services.Scripts.EvaluateCondition(f.Condition, scope)))
            .ToList();
        if (taken.Count == 0 && defaultFlow is not null)
        {
            taken.Add(defaultFlow);
        }

        if (taken.Count == 0 && node.Outgoing.Count > 0)
        {
            throw new ScriptFailedException($"no condition of the sequence flows leaving '{node.Id}' holds and there is no default flow");
        }

        return taken;
    }

    /// <summary>Moves the token along the flows (forking for more than one); with none, the token ends.</summary>
    public async Task TakeFlowsAsync(CaseRuntime @case, TokenState token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            await EndTokenAsync(@case, token);
            return;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            var moving = i == 0 ? token : @case.AddToken(token.ScopeId, flows[i].Target.Id, TokenStates.Ready);
            moving.ElementId = flows[i].Target.Id;
            moving.ArrivedVia = flows[i].Id;
            moving.OutputsDone = false;
            moving.TaskId = null;
            moving.JobId = null;
            moving.CalledCaseId = null;
            Schedule(@case, moving, TokenStates.Ready);
        }
    }

    /// <summary>Removes the token; a scope left without tokens completes.</summary>
    public async Task EndTokenAsync(CaseRuntime @case, TokenState token)
    {
        @case.State.Tokens.Remove(token);
        await CompleteScopeIfEmptyAsync(@case, token.ScopeId);
    }

    public async Task CompleteScopeIfEmptyAsync(CaseRuntime @case, string scopeId)
    {
        if (@case.TokensIn(scopeId).Any())
        {
            return;
        }

        if (scopeId == ScopeKinds.Root)
        {
            await CompleteCaseAsync(@case, InstanceStatus.Completed);
            return;
        }

        var scope = @case.FindScope(scopeId)!;
        if (scope.Kind != ScopeKinds.SubProcess)
        {
            return;
        }

        Disarm(scope);
        @case.State.Scopes.Remove(scope);
        if (@case.FindToken(scope.OwnerTokenId) is { } owner)
        {
            Schedule(@case, owner, TokenStates.Leaving);
        }
    }

    private int RetriesFor(FlowNode node) =>
        RetryCycle.TryParse(node.RetryCycle ?? Context.Services.Options.DefaultRetryCycle, out var cycle) ? cycle.Attempts : 3;
}
