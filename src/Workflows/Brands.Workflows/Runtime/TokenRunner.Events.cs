using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Timers;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Waiting for events (docs/engine.md, "Events"): a token arms the timers and subscriptions of what it waits for,
/// each a row written in the case's commit, and the event that occurs first fires through <see cref="FireAsync"/>.
/// </summary>
internal sealed partial class TokenRunner
{
    /// <summary>Arms the boundary events of the activity <paramref name="token"/> enters; errors are not waited for.</summary>
    public void ArmBoundaryEvents(CaseRuntime @case, TokenState token, Activity activity)
    {
        foreach (var boundary in activity.BoundaryEvents)
        {
            Arm(@case, token, boundary, boundary.Trigger);
        }
    }

    /// <summary>
    /// Makes <paramref name="holder"/> wait for <paramref name="trigger"/> of <paramref name="element"/>, unless it already
    /// does (a step entered again after a failure keeps its timers' first due dates). Expressions are evaluated now.
    /// </summary>
    public void Arm(CaseRuntime @case, IWaitHolder holder, FlowNode element, EventTrigger trigger)
    {
        if (holder.Waits?.Exists(w => w.ElementId == element.Id && w.ListenerIndex is null) == true)
        {
            return;
        }

        var scope = ScopeOfHolder(@case, holder);
        switch (trigger)
        {
            case TimerTrigger timer:
                var (text, schedule) = EvaluateTimer(@case, scope, element, timer);
                AddTimer(@case, holder, element, Reminders.FirstDue(schedule, element, Context.Now, @case.Process.TimeZone, Context.Services.ConfiguredCalendar), text, FiringsLeftAfterFirst(schedule));
                break;
            case MessageTrigger message:
                AddSubscription(@case, holder, element, SubscriptionKind.Message, EvaluateName(scope, message.Name, "message"),
                    CorrelationKeys.Compute(message.CorrelationKeys, scope));
                break;
            case SignalTrigger signal:
                AddSubscription(@case, holder, element, SubscriptionKind.Signal, EvaluateName(scope, signal.Name, "signal"), null);
                break;
        }
    }

    private static int FiringsLeftAfterFirst(TimerSchedule schedule) =>
        schedule.Repeats == TimerSchedule.Unbounded ? TimerSchedule.Unbounded : schedule.Repeats - 1;

    /// <summary>The timer's value as text and its schedule; a value that is no date, duration or cycle fails the step.</summary>
    /// <summary>The variables an expression of <paramref name="holder"/>'s events sees: the token's, or the scope's.</summary>
    private VariableScope ScopeOfHolder(CaseRuntime @case, IWaitHolder holder) => holder is TokenState token
        ? ScopeOf(@case, token)
        : new VariableScope(Context, @case, null, holder.Id);

    private (string Text, TimerSchedule Schedule) EvaluateTimer(CaseRuntime @case, VariableScope scope, FlowNode element, TimerTrigger timer)
    {
        var text = Context.Services.Scripts.EvaluateText(timer.Value, scope)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ScriptFailedException($"the timer of '{element.Id}' ({timer.Value.Source}) yielded nothing");
        }

        return TimerSchedule.TryParse(timer.Kind, text, @case.Process.TimeZone, out var schedule, out var error)
            ? (text, schedule!)
            : throw new ScriptFailedException($"the timer of '{element.Id}' ({timer.Value.Source}) yielded {error}");
    }

    private string EvaluateName(VariableScope scope, Expression name, string what)
    {
        var text = Context.Services.Scripts.EvaluateText(name, scope);
        return string.IsNullOrWhiteSpace(text)
            ? throw new ScriptFailedException($"the {what} name '{name.Source}' yielded nothing")
            : text;
    }

    /// <summary>Adds a timer job held by <paramref name="holder"/>, due at <paramref name="due"/>.</summary>
    public void AddTimer(CaseRuntime @case, IWaitHolder holder, FlowNode element, DateTimeOffset due, string value, int firingsLeft,
        int? listenerIndex = null)
    {
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(Context.Now),
            InstanceId = @case.Id,
            TokenId = holder.Id,
            ElementId = element.Id,
            Kind = JobKind.Timer,
            DueAt = due,
            Retries = RetriesFor(element),
            RetryCycle = element.RetryCycle ?? Context.Services.Options.DefaultRetryCycle,
            PayloadJson = new TimerPayload(value, firingsLeft).ToJson(),
            CreatedAt = Context.Now,
        };
        Context.Changes.NewJobs.Add(job);
        (holder.Waits ??= []).Add(new EventWait { Id = job.Id, ElementId = element.Id, IsTimer = true, ListenerIndex = listenerIndex });
        Context.History(@case, "timer-started", element.Id, new JsonObject { ["dueAt"] = IsoText.Format(due), ["value"] = value });
    }

    private void AddSubscription(CaseRuntime @case, IWaitHolder holder, FlowNode element, string kind, string name, string? correlationKey)
    {
        var subscription = new SubscriptionRecord
        {
            Id = Guid.CreateVersion7(Context.Now),
            Kind = kind,
            Name = name,
            InstanceId = @case.Id,
            TokenId = holder.Id,
            ElementId = element.Id,
            BusinessKey = @case.Record.BusinessKey,
            CorrelationKey = correlationKey,
            CreatedAt = Context.Now,
        };
        Context.Changes.NewSubscriptions.Add(subscription);
        (holder.Waits ??= []).Add(new EventWait { Id = subscription.Id, ElementId = element.Id });
    }

    /// <summary>Removes every timer and subscription <paramref name="holder"/> holds, in this command's commit.</summary>
    public void Disarm(IWaitHolder holder)
    {
        foreach (var wait in holder.Waits ?? [])
        {
            Remove(wait);
        }

        holder.Waits = null;
    }

    private void Remove(EventWait wait)
    {
        var changes = Context.Changes;
        if (wait.IsTimer)
        {
            if (changes.NewJobs.RemoveAll(j => j.Id == wait.Id) == 0)
            {
                changes.DeletedJobs.Add(wait.Id);
            }
        }
        else if (changes.NewSubscriptions.RemoveAll(s => s.Id == wait.Id) == 0)
        {
            changes.DeletedSubscriptions.Add(wait.Id);
        }
    }

    /// <summary>What holds the timer or subscription <paramref name="waitId"/> (a token or a scope), or null when nothing waits on it any more.</summary>
    public static (IWaitHolder Holder, EventWait Wait)? FindWait(CaseRuntime @case, Guid waitId)
    {
        IEnumerable<IWaitHolder> holders = [.. @case.State.Tokens, .. @case.State.Scopes, .. (@case.State.Root is { } root ? [root] : Array.Empty<IWaitHolder>())];
        foreach (var holder in holders)
        {
            if (holder.Waits?.Find(w => w.Id == waitId) is { } wait)
            {
                return (holder, wait);
            }
        }

        return null;
    }

    /// <summary>
    /// The event <paramref name="wait"/> stands for occurred: a boundary event starts its path (cancelling its activity
    /// when it interrupts, else staying armed); any other event moves its token on, dropping what else it waited for (the other branches
    /// of an event-based gateway). <paramref name="variables"/> (a message's or signal's) are set on the way.
    /// </summary>
    public async Task FireAsync(CaseRuntime @case, IWaitHolder holder, EventWait wait, JsonObject? variables)
    {
        if (holder is not TokenState token)
        {
            await FireEventSubProcessAsync(@case, holder, wait, variables);
            return;
        }

        var element = @case.Node(wait.ElementId);
        // A non-interrupting message or signal boundary event stays subscribed while its activity runs (BPMN 2.0
        // §10.5.4); a timer's next firing is a new job.
        if (element is not BoundaryEvent { CancelActivity: false } || wait.IsTimer)
        {
            token.Waits!.Remove(wait);
            Remove(wait);
        }

        if (element is BoundaryEvent boundary)
        {
            var scopeId = token.ScopeId;
            if (boundary.CancelActivity)
            {
                await CancelTokenAsync(@case, token);
            }

            var path = @case.AddToken(scopeId, boundary.Id, TokenStates.Ready);
            SetVariables(@case, path, variables);
            Schedule(@case, path, TokenStates.Ready);
            return;
        }

        Disarm(token);
        if (token.ElementId != element.Id)
        {
            // A branch of the event-based gateway the token waits in.
            var gateway = @case.Node(token.ElementId);
            token.ArrivedVia = gateway.Outgoing.First(f => f.Target == element).Id;
            token.ElementId = element.Id;
            Context.History(@case, "element-entered", element.Id);
        }

        SetVariables(@case, token, variables);
        Schedule(@case, token, TokenStates.Leaving);
    }

    /// <summary>
    /// Throws a signal: a broadcast job, written in this commit, finds every receiver once the case's step is committed
    /// and gives each its own delivery job, so one receiver's conflict cannot hold up or repeat another's.
    /// </summary>
    public void ThrowSignal(CaseRuntime @case, TokenState token, FlowNode element, SignalTrigger signal)
    {
        var name = EvaluateName(ScopeOf(@case, token), signal.Name, "signal");
        Context.Changes.NewJobs.Add(new JobRecord
        {
            Id = Guid.CreateVersion7(Context.Now),
            InstanceId = @case.Id,
            TokenId = token.Id,
            ElementId = element.Id,
            Kind = JobKind.SignalBroadcast,
            DueAt = Context.Now,
            Retries = RetriesFor(element),
            RetryCycle = element.RetryCycle ?? Context.Services.Options.DefaultRetryCycle,
            PayloadJson = new SignalPayload(name, null, null).ToJson(),
            CreatedAt = Context.Now,
        });
        Context.History(@case, "signal-thrown", element.Id, new JsonObject { ["signal"] = name });
    }

    private void SetVariables(CaseRuntime @case, TokenState token, JsonObject? variables)
    {
        var scope = ScopeOf(@case, token);
        foreach (var (name, value) in variables ?? [])
        {
            scope.SetVariable(name, value?.DeepClone());
        }
    }
}
