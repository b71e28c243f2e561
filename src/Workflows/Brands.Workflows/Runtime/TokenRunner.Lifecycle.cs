using System.Text.Json.Nodes;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime.Behaviors;

namespace Brands.Workflows.Runtime;

internal sealed partial class TokenRunner
{
    public JobRecord AddJob(CaseRuntime @case, TokenState token, string kind, int retries, DateTimeOffset due, string? error = null)
    {
        var node = @case.Node(token.ElementId);
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(Context.Now),
            InstanceId = @case.Id,
            TokenId = token.Id,
            ElementId = token.ElementId,
            Kind = kind,
            DueAt = due,
            Retries = retries,
            RetryCycle = node.RetryCycle ?? Context.Services.Options.DefaultRetryCycle,
            LastError = error,
            CreatedAt = Context.Now,
        };
        Context.Changes.NewJobs.Add(job);
        token.JobId = job.Id;
        return job;
    }

    /// <summary>
    /// Parks a token that failed: a retry job holds it, and once no attempts are left an incident asks an
    /// administrator to look. The rest of the case runs on.
    /// </summary>
    public void Fail(CaseRuntime @case, TokenState token, string message, string kind, int retriesLeft = 0, TimeSpan retryAfter = default)
    {
        token.State = TokenStates.Failed;
        token.AsyncDone = true;
        var job = AddJob(@case, token, kind == IncidentKinds.FailedJob ? JobKind.ServiceTaskRetry : JobKind.Retry,
            retriesLeft, Context.Now + retryAfter, message);
        Context.Services.Logger.LogCaseFailure(@case.Id, token.ElementId, message);
        if (retriesLeft > 0)
        {
            Context.History(@case, "job-failed", token.ElementId, new JsonObject { ["message"] = message, ["retriesLeft"] = retriesLeft });
            return;
        }

        RaiseIncident(@case, token.ElementId, job.Id, kind, message);
    }

    public void RaiseIncident(CaseRuntime @case, string elementId, Guid? jobId, string kind, string message)
    {
        Context.Changes.NewIncidents.Add(new IncidentRecord
        {
            Id = Guid.CreateVersion7(Context.Now),
            InstanceId = @case.Id,
            JobId = jobId,
            ElementId = elementId,
            Kind = kind,
            Message = message,
            CreatedAt = Context.Now,
        });
        Context.History(@case, "incident-raised", elementId, new JsonObject { ["kind"] = kind, ["message"] = message });
    }

    /// <summary>
    /// Ends the case. A called case that ends by itself — normally or at a terminate end event — hands control back to
    /// its call activity; one cancelled from outside does not.
    /// </summary>
    public async Task CompleteCaseAsync(CaseRuntime @case, string status, bool endedByItself = true)
    {
        if (@case.IsEnded)
        {
            return;
        }

        foreach (var token in @case.State.Tokens.ToList())
        {
            await CancelTokenAsync(@case, token);
        }

        foreach (var scope in @case.State.Scopes)
        {
            Disarm(scope);
        }

        if (@case.State.Root is { } root)
        {
            Disarm(root);
        }
        @case.State.Scopes.Clear();
        if (endedByItself && @case.Process.ExecutionListeners.Count > 0)
        {
            await RunProcessEndListenersAsync(@case);
        }

        @case.Record.Status = status;
        @case.Record.EndedAt = Context.Now;
        Context.History(@case, status == InstanceStatus.Completed ? "instance-completed" : "instance-terminated", null);
        if (endedByItself && @case.Record.ParentInstanceId is { } parentId)
        {
            await CallActivityBehavior.CalledCaseCompletedAsync(this, @case, parentId);
        }
    }

    /// <summary>
    /// The process's end listeners, when a case ends by itself. The case ends whatever they do: one that fails is
    /// undone and recorded as an incident on the case.
    /// </summary>
    private async Task RunProcessEndListenersAsync(CaseRuntime @case)
    {
        var mark = Context.BeginStep();
        try
        {
            await RunListenersAsync(@case, RootScope(@case), @case.Process.ExecutionListeners, ListenerEvents.End, null);
        }
        catch (Expressions.ScriptFailedException e)
        {
            Context.RollBack(mark);
            RaiseIncident(@case, @case.Process.Id, null, IncidentKinds.Expression, e.Message);
        }
    }

    /// <summary>Removes a token with everything it started: its task, job, child scopes and called case.</summary>
    public async Task CancelTokenAsync(CaseRuntime @case, TokenState token)
    {
        foreach (var scope in @case.State.Scopes.Where(s => s.OwnerTokenId == token.Id).ToList())
        {
            await CancelScopeAsync(@case, scope);
        }

        if (token.TaskId is { } taskId)
        {
            var task = await Context.LoadTaskAsync(taskId, CancellationToken);
            if (task.State == TaskState.Open)
            {
                task.State = TaskState.Cancelled;
                task.EndedAt = Context.Now;
                Context.TaskChanged(task);
                Context.History(@case, "task-cancelled", token.ElementId, new JsonObject { ["taskId"] = taskId.ToString() });
            }
        }

        Disarm(token);
        if (token.JobId is { } jobId)
        {
            var pending = Context.Changes.NewJobs.Find(j => j.Id == jobId);
            if (pending is not null)
            {
                Context.Changes.NewJobs.Remove(pending);
            }
            else
            {
                Context.Changes.DeletedJobs.Add(jobId);
            }
        }

        if (token.CalledCaseId is { } calledId)
        {
            var called = await Context.LoadCaseAsync(calledId, CancellationToken);
            await CompleteCaseAsync(called, InstanceStatus.Terminated, endedByItself: false);
        }

        @case.State.Tokens.Remove(token);
    }

    private async Task CancelScopeAsync(CaseRuntime @case, ScopeState scope)
    {
        foreach (var child in @case.State.Scopes.Where(s => s.ParentId == scope.Id).ToList())
        {
            await CancelScopeAsync(@case, child);
        }

        foreach (var token in @case.TokensIn(scope.Id).ToList())
        {
            await CancelTokenAsync(@case, token);
        }

        Disarm(scope);
        @case.State.Scopes.Remove(scope);
    }

    /// <summary>A terminate end event ends every token of its scope; the scope then completes (BPMN 2.0 §10.5.3).</summary>
    public async Task TerminateScopeAsync(CaseRuntime @case, TokenState token)
    {
        var scopeId = token.ScopeId;
        @case.State.Tokens.Remove(token);
        if (scopeId == ScopeKinds.Root)
        {
            await CompleteCaseAsync(@case, InstanceStatus.Terminated);
            return;
        }

        foreach (var other in @case.TokensIn(scopeId).ToList())
        {
            await CancelTokenAsync(@case, other);
        }

        foreach (var child in @case.State.Scopes.Where(s => s.ParentId == scopeId).ToList())
        {
            await CancelScopeAsync(@case, child);
        }

        var scope = @case.FindScope(scopeId)!;
        if (scope.Kind == ScopeKinds.MultiInstanceInner)
        {
            var inner = @case.AddToken(scopeId, scope.ElementId, TokenStates.Leaving);
            inner.MultiInstanceInner = true;
            await MultiInstanceBehavior.InnerCompletedAsync(this, @case, inner, (Activity)@case.Node(scope.ElementId));
            return;
        }

        await CompleteScopeIfEmptyAsync(@case, scopeId);
    }

    /// <summary>
    /// Throws a BPMN error from <paramref name="token"/>: the nearest enclosing activity with a matching error
    /// boundary event catches it, across call activities too (BPMN 2.0 §10.5.6). Uncaught, the token simply ends,
    /// as in Camunda 7.
    /// </summary>
    public async Task ThrowErrorAsync(CaseRuntime @case, TokenState token, string? errorCode, bool checkOwnBoundaries)
    {
        Context.History(@case, "error-thrown", token.ElementId, new JsonObject { ["errorCode"] = errorCode });
        var (currentCase, current, checkSelf) = (@case, token, checkOwnBoundaries);
        while (true)
        {
            if (checkSelf && !current.MultiInstanceInner
                && currentCase.Node(current.ElementId) is Activity activity
                && activity.BoundaryEvents.FirstOrDefault(b => b.Catches(errorCode)) is { } boundary)
            {
                await CatchErrorAsync(currentCase, current, boundary, errorCode);
                return;
            }

            checkSelf = true;
            if (await TryCatchErrorInScopeAsync(currentCase, current, errorCode))
            {
                return;
            }

            if (await OwnerOfAsync(currentCase, current) is var (ownerCase, owner))
            {
                (currentCase, current) = (ownerCase, owner);
                continue;
            }

            Context.History(@case, "error-uncaught", token.ElementId, new JsonObject { ["errorCode"] = errorCode });
            if (@case.FindToken(token.Id) is null)
            {
                return;
            }

            if (token.MultiInstanceInner)
            {
                await MultiInstanceBehavior.InnerCompletedAsync(this, @case, token, (Activity)@case.Node(token.ElementId));
            }
            else
            {
                await EndTokenAsync(@case, token);
            }

            return;
        }
    }

    private async Task CatchErrorAsync(CaseRuntime @case, TokenState catcher, BoundaryEvent boundary, string? errorCode)
    {
        var scopeId = catcher.ScopeId;
        await CancelTokenAsync(@case, catcher);
        var token = @case.AddToken(scopeId, boundary.Id, TokenStates.Ready);
        if (boundary.ErrorCodeVariable is { } variable)
        {
            ScopeOf(@case, token).SetVariable(variable, errorCode);
        }

        Context.History(@case, "error-caught", boundary.Id, new JsonObject { ["errorCode"] = errorCode });
        Schedule(@case, token, TokenStates.Ready);
    }

    private async Task<bool> ReleaseInclusiveJoinsAsync()
    {
        var released = false;
        foreach (var @case in Context.Cases.Where(c => !c.IsEnded).ToList())
        {
            var waiting = @case.State.Tokens
                .Where(t => t.State == TokenStates.Joining && @case.Node(t.ElementId) is InclusiveGateway)
                .ToList();
            foreach (var token in waiting)
            {
                _step = Context.BeginStep();
                try
                {
                    if (@case.FindToken(token.Id) is not null
                        && await InclusiveGatewayBehavior.TryJoinAsync(this, @case, token, (InclusiveGateway)@case.Node(token.ElementId)))
                    {
                        released = true;
                    }
                }
                catch (Expressions.ScriptFailedException e) when (@case.FindToken(token.Id) is not null)
                {
                    RollBackStep();
                    Fail(@case, token, e.Message, IncidentKinds.Expression);
                }
            }
        }

        return released;
    }
}
