using Brands.Workflows.Expressions;
using Brands.Workflows.Handlers;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Execution and task listeners (docs/engine.md, "Listeners"). They run inside the step that raised their event and
/// commit with it; a listener that fails fails that step, which is undone and parked with an incident.
/// </summary>
internal sealed partial class TokenRunner
{
    /// <summary>Runs the listeners of <paramref name="listeners"/> for <paramref name="eventName"/>, in document order.</summary>
    public async Task RunListenersAsync(CaseRuntime @case, VariableScope scope, IReadOnlyList<Listener> listeners, string eventName,
        string? elementId, TaskRecord? task = null)
    {
        foreach (var listener in listeners)
        {
            if (listener.Event == eventName)
            {
                await RunListenerAsync(@case, scope, listener, elementId, task);
            }
        }
    }

    public async Task RunListenerAsync(CaseRuntime @case, VariableScope scope, Listener listener, string? elementId, TaskRecord? task)
    {
        var where = elementId is null ? $"process '{@case.Process.Id}'" : $"'{elementId}'";
        if (listener.Script is { } script)
        {
            try
            {
                Context.Services.Scripts.Evaluate(script, scope);
            }
            catch (ScriptFailedException e)
            {
                throw new ScriptFailedException($"the {listener.Event} listener of {where} failed: {e.Message}");
            }

            return;
        }

        var name = listener.HandlerName!;
        if (!Context.Services.Listeners.TryGetValue(name, out var handler))
        {
            throw new ScriptFailedException($"no listener handler is registered as '{name}' (the {listener.Event} listener of {where})");
        }

        var snapshot = task is null ? null : new ListenerTask(task.Id, task.Name, task.Assignee, task.CandidateUsers, task.CandidateGroups, task.DueAt);
        try
        {
            await handler.ExecuteAsync(
                new ListenerContext(@case.Id, @case.Record.BusinessKey, elementId, listener.Event, snapshot, scope.Get, scope.SetVariable,
                    (topic, payload, key) => Context.EnqueueOutbox(@case.Id, elementId, topic, payload, key)),
                CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !CancellationToken.IsCancellationRequested)
        {
            throw new ScriptFailedException($"the {listener.Event} listener '{name}' of {where} failed: {e.Message}");
        }
    }

    /// <summary>The variables a process-level listener sees: the case's.</summary>
    public VariableScope RootScope(CaseRuntime @case) => new(Context, @case, null, ScopeKinds.Root);

    /// <summary>Arms the timeout task listeners of a user task just created, on its token.</summary>
    public void ArmTimeoutListeners(CaseRuntime @case, TokenState token, UserTask userTask)
    {
        for (var i = 0; i < userTask.TaskListeners.Count; i++)
        {
            if (userTask.TaskListeners[i].Timeout is { } timer && token.Waits?.Exists(w => w.ListenerIndex == i) != true)
            {
                var (text, schedule) = EvaluateTimer(@case, ScopeOf(@case, token), userTask, timer);
                AddTimer(@case, token, userTask, schedule.FirstDue(Context.Now), text, FiringsLeftAfterFirst(schedule), i);
            }
        }
    }
}
