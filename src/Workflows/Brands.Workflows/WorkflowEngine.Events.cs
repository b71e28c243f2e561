using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;
using Brands.Workflows.Timers;

namespace Brands.Workflows;

/// <summary>Timers firing, messages correlated and signals broadcast (docs/engine.md, "Events").</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Delivers a message to the one case waiting for it — matched by name, and by business key and correlation keys
    /// when given — or, when no case waits, starts a case at the message start event of that name. Throws
    /// <see cref="WorkflowNotFoundException"/> when nothing waits and nothing starts, and
    /// <see cref="MessageCorrelationException"/> (listing them) when several cases or start events match.
    /// </summary>
    public Task<Guid> CorrelateMessageAsync(string name, string? businessKey, JsonObject? correlationKeys, JsonObject? variables,
        string? userId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var correlationKey = CorrelationKeys.Of(correlationKeys);
        return ExecuteAsync(userId, async (context, runner) =>
        {
            // The subscription rows and the case state are committed together; a case that moved on between the two
            // reads is read again.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var waiting = await _store.FindSubscriptionsAsync(new SubscriptionQuery
                {
                    Kind = SubscriptionKind.Message, Name = name, StartEvents = false,
                    BusinessKey = businessKey, CorrelationKey = correlationKey, Max = 50,
                }, cancellationToken);
                if (waiting.Count > 1)
                {
                    throw new MessageCorrelationException(name, [.. waiting.Select(s => s.InstanceId!.Value).Distinct()]);
                }

                if (waiting.Count == 0)
                {
                    return await StartByMessageAsync(context, runner, name, businessKey, correlationKey, variables, cancellationToken);
                }

                var @case = await context.LoadCaseAsync(waiting[0].InstanceId!.Value, cancellationToken);
                if (TokenRunner.FindWait(@case, waiting[0].Id) is var (holder, wait) && !@case.IsEnded)
                {
                    context.History(@case, "message-correlated", wait.ElementId, new JsonObject
                    {
                        ["message"] = name,
                        ["variables"] = variables?.DeepClone(),
                    });
                    await runner.FireAsync(@case, holder, wait, variables);
                    return @case.Id;
                }

                context.Forget(@case.Id);
            }

            throw new WorkflowConflictException($"The case waiting for message '{name}' kept changing; try again.");
        }, cancellationToken);
    }

    private async Task<Guid> StartByMessageAsync(CommandContext context, TokenRunner runner, string name, string? businessKey,
        string? correlationKey, JsonObject? variables, CancellationToken cancellationToken)
    {
        var starts = correlationKey is null
            ? await _store.FindSubscriptionsAsync(new SubscriptionQuery { Kind = SubscriptionKind.Message, Name = name, StartEvents = true, Max = 50 }, cancellationToken)
            : [];
        if (starts.Count == 0)
        {
            throw new WorkflowNotFoundException($"No case waits for message '{name}'{Narrowed(businessKey, correlationKey)}, and no process starts with it.");
        }

        if (starts.Count > 1)
        {
            throw new MessageCorrelationException(name, [], [.. starts.Select(s => s.DefinitionId!)]);
        }

        var definition = await _store.GetDefinitionAsync(starts[0].DefinitionId!, cancellationToken)
            ?? throw new WorkflowNotFoundException($"The process that starts with message '{name}' is gone.");
        var @case = await CaseStarter.CreateAsync(runner, definition, businessKey, (JsonObject?)variables?.DeepClone(), null, startEventId: starts[0].ElementId);
        context.History(@case, "message-correlated", starts[0].ElementId, new JsonObject { ["message"] = name });
        return @case.Id;
    }

    private static string Narrowed(string? businessKey, string? correlationKey) =>
        (businessKey, correlationKey) switch
        {
            (null, null) => "",
            (_, null) => $" with business key '{businessKey}'",
            (null, _) => $" with correlation keys {correlationKey}",
            _ => $" with business key '{businessKey}' and correlation keys {correlationKey}",
        };

    /// <summary>
    /// Broadcasts a signal to every case waiting for it and every signal start event of the latest versions. Each
    /// receiver gets its own job, committed here; returns how many there are (0 is not an error).
    /// </summary>
    public Task<int> BroadcastSignalAsync(string name, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ExecuteAsync(null, (context, _) => ScheduleDeliveriesAsync(context, name, variables, cancellationToken), cancellationToken);
    }

    private async Task<int> ScheduleDeliveriesAsync(CommandContext context, string name, JsonObject? variables, CancellationToken cancellationToken)
    {
        var receivers = await _store.FindSubscriptionsAsync(new SubscriptionQuery { Kind = SubscriptionKind.Signal, Name = name, Max = int.MaxValue }, cancellationToken);
        foreach (var receiver in receivers)
        {
            context.Changes.NewJobs.Add(new JobRecord
            {
                Id = Guid.CreateVersion7(context.Now),
                InstanceId = receiver.InstanceId,
                DefinitionId = receiver.DefinitionId,
                TokenId = receiver.TokenId ?? "",
                ElementId = receiver.ElementId,
                Kind = JobKind.SignalDelivery,
                DueAt = context.Now,
                Retries = 3,
                RetryCycle = _options.DefaultRetryCycle,
                PayloadJson = new SignalPayload(name, variables, receiver.Id).ToJson(),
                CreatedAt = context.Now,
            });
        }

        _services.Logger.LogSignalBroadcast(name, receivers.Count);
        return receivers.Count;
    }

    private Task FanOutSignalAsync(JobRecord job, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, _) =>
        {
            context.Changes.DeletedJobs.Add(job.Id);
            var signal = SignalPayload.Parse(job.PayloadJson);
            return await ScheduleDeliveriesAsync(context, signal.Name, signal.Variables, cancellationToken);
        }, cancellationToken, job);

    private Task DeliverSignalAsync(JobRecord job, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            context.Changes.DeletedJobs.Add(job.Id);
            var signal = SignalPayload.Parse(job.PayloadJson);
            if (job.InstanceId is not { } caseId)
            {
                await StartBySignalAsync(context, runner, job, signal, cancellationToken);
                return 0;
            }

            var @case = await context.LoadCaseAsync(caseId, cancellationToken);
            if (@case.IsEnded || signal.SubscriptionId is not { } subscriptionId || TokenRunner.FindWait(@case, subscriptionId) is not var (holder, wait))
            {
                return 0;
            }

            context.History(@case, "signal-received", wait.ElementId, new JsonObject { ["signal"] = signal.Name });
            await runner.FireAsync(@case, holder, wait, signal.Variables);
            return 0;
        }, cancellationToken, job);

    private async Task StartBySignalAsync(CommandContext context, TokenRunner runner, JobRecord job, SignalPayload signal, CancellationToken cancellationToken)
    {
        // The start event counts only while its version is the latest: a deployment in between replaced it.
        var current = await _store.FindSubscriptionsAsync(new SubscriptionQuery { Kind = SubscriptionKind.Signal, Name = signal.Name, StartEvents = true }, cancellationToken);
        if (!current.Any(s => s.Id == signal.SubscriptionId) || await _store.GetDefinitionAsync(job.DefinitionId!, cancellationToken) is not { } definition)
        {
            return;
        }

        var @case = await CaseStarter.CreateAsync(runner, definition, null, (JsonObject?)signal.Variables?.DeepClone(), null, startEventId: job.ElementId);
        context.History(@case, "signal-received", job.ElementId, new JsonObject { ["signal"] = signal.Name });
    }

    private Task FireTimerAsync(JobRecord job, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            context.Changes.DeletedJobs.Add(job.Id);
            var @case = await context.LoadCaseAsync(job.InstanceId!.Value, cancellationToken);
            if (@case.IsEnded || TokenRunner.FindWait(@case, job.Id) is not var (holder, wait))
            {
                return 0;
            }

            context.History(@case, "timer-fired", wait.ElementId, new JsonObject { ["dueAt"] = IsoText.Format(job.DueAt) });
            if (wait.ListenerIndex is { } index && holder is TokenState listening)
            {
                await RunTimeoutListenerAsync(context, runner, @case, listening, wait, index, job);
                return 0;
            }

            await runner.FireAsync(@case, holder, wait, null);
            var element = @case.Node(wait.ElementId);
            var repeats = element is BoundaryEvent { CancelActivity: false, Trigger: TimerTrigger }
                or StartEvent { IsInterrupting: false, Trigger: TimerTrigger };
            if (repeats && StillHolds(@case, holder))
            {
                ScheduleNextFiring(context, runner, @case, holder, element, (TimerTrigger)(element is BoundaryEvent b ? b.Trigger : ((StartEvent)element).Trigger!), job);
            }

            return 0;
        }, cancellationToken, job);

    /// <summary>
    /// A timeout task listener's timer fired: the listener runs (a failure is undone and recorded as an incident; the
    /// task stays), and a cycle schedules its next firing.
    /// </summary>
    private static async Task RunTimeoutListenerAsync(CommandContext context, TokenRunner runner, CaseRuntime @case, TokenState token,
        EventWait wait, int index, JobRecord job)
    {
        token.Waits!.Remove(wait);
        var userTask = (UserTask)@case.Node(wait.ElementId);
        var listener = userTask.TaskListeners[index];
        var task = token.TaskId is { } taskId ? await context.LoadTaskAsync(taskId, runner.CancellationToken) : null;
        var mark = context.BeginStep();
        try
        {
            await runner.RunListenerAsync(@case, runner.ScopeOf(@case, token), listener, userTask.Id, task);
        }
        catch (ScriptFailedException e)
        {
            context.RollBack(mark);
            runner.RaiseIncident(@case, userTask.Id, null, IncidentKinds.Expression, e.Message);
        }

        var payload = TimerPayload.Parse(job.PayloadJson);
        if (payload.FiringsLeft != 0 && TimerSchedule.TryParse(listener.Timeout!.Kind, payload.Value, @case.Process.TimeZone, out var schedule, out _))
        {
            var left = payload.LeftAfterNext;
            runner.AddTimer(@case, token, userTask, schedule!.NextDue(job.DueAt, context.Now), payload.Value, left, index);
        }
    }

    /// <summary>Whether the token or scope that held a timer is still there after it fired.</summary>
    private static bool StillHolds(CaseRuntime @case, IWaitHolder holder) => holder switch
    {
        TokenState token => @case.FindToken(token.Id) is not null,
        ScopeState scope => @case.FindScope(scope.Id) is not null,
        _ => !@case.IsEnded,
    };

    /// <summary>A non-interrupting cycle fires again while firings are left: the next one, after now (missed ones are not made up).</summary>
    private static void ScheduleNextFiring(CommandContext context, TokenRunner runner, CaseRuntime @case, IWaitHolder holder, FlowNode element,
        TimerTrigger timer, JobRecord job)
    {
        var payload = TimerPayload.Parse(job.PayloadJson);
        if (payload.FiringsLeft == 0 || !TimerSchedule.TryParse(timer.Kind, payload.Value, @case.Process.TimeZone, out var schedule, out _))
        {
            return;
        }

        var left = payload.LeftAfterNext;
        var next = Reminders.NextDue(schedule!, element, job.DueAt, context.Now, @case.Process.TimeZone, context.Services.ConfiguredCalendar);
        runner.AddTimer(@case, holder, element, next, payload.Value, left);
    }

    private Task FireStartTimerAsync(JobRecord job, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            // A deployment of a later version deletes this job; re-read it so a firing that raced the deployment does
            // nothing, and update it (rather than insert a new one) so the commit fails if the row is gone meanwhile.
            if (await _store.GetJobAsync(job.Id, cancellationToken) is not { } current
                || await _store.GetDefinitionAsync(job.DefinitionId!, cancellationToken) is not { } definition)
            {
                return 0;
            }

            var process = await _services.Definitions.GetProcessAsync(definition.Id, cancellationToken);
            var start = process.Body.StartEvents.First(s => s.Id == job.ElementId);
            await CaseStarter.CreateAsync(runner, definition, null, null, null, startEventId: start.Id);
            var payload = TimerPayload.Parse(current.PayloadJson);
            if (payload.FiringsLeft != 0 && start.Trigger is TimerTrigger timer
                && TimerSchedule.TryParse(timer.Kind, payload.Value, process.TimeZone, out var schedule, out _))
            {
                current.DueAt = schedule!.NextDue(current.DueAt, context.Now, _services.Calendar);
                current.PayloadJson = new TimerPayload(payload.Value,
                    payload.LeftAfterNext).ToJson();
                current.LockOwner = null;
                current.LockExpiresAt = null;
                context.Changes.UpdatedJobs.Add(current);
            }
            else
            {
                context.Changes.UpdatedJobs.Add(current);
                context.Changes.DeletedJobs.Add(current.Id);
            }

            return 0;
        }, cancellationToken, job);
}
