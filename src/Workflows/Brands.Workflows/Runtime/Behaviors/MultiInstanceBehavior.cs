using System.Globalization;
using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// The multi-instance body (BPMN 2.0 §10.3.7, Camunda's variables): runs the activity once per collection item or
/// cardinality count, in parallel or in sequence, until all are done or the completion condition holds.
/// </summary>
internal static class MultiInstanceBehavior
{
    private const string Instances = "nrOfInstances";
    private const string Completed = "nrOfCompletedInstances";
    private const string Active = "nrOfActiveInstances";
    private const string LoopCounter = "loopCounter";

    /// <summary>More instances than this in one body is a modelling mistake, not a workload.</summary>
    private const int MaxInstances = 10_000;

    public static Task EnterAsync(TokenRunner runner, CaseRuntime @case, TokenState token, Activity activity)
    {
        var mi = activity.MultiInstance!;
        var scripts = runner.Context.Services.Scripts;
        var scope = runner.ScopeOf(@case, token);
        JsonArray? items = null;
        int count;
        if (mi.Collection is not null)
        {
            items = scripts.Evaluate(mi.Collection, scope) as JsonArray
                ?? throw new ScriptFailedException($"camunda:collection '{mi.Collection}' of '{activity.Id}' is not a list");
            count = items.Count <= MaxInstances ? items.Count
                : throw new ScriptFailedException($"camunda:collection '{mi.Collection}' of '{activity.Id}' has {items.Count:N0} items; at most {MaxInstances:N0} instances are allowed");
        }
        else
        {
            var value = scripts.Evaluate(mi.LoopCardinality!, scope);
            var text = JsConversion.ToText(value);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0 || number != Math.Floor(number)
                || number > MaxInstances)
            {
                throw new ScriptFailedException($"loopCardinality '{mi.LoopCardinality}' of '{activity.Id}' is '{text}', not a whole number of instances from 0 to {MaxInstances:N0}");
            }

            count = (int)number;
        }

        if (count == 0)
        {
            runner.Schedule(@case, token, TokenStates.Leaving);
            return Task.CompletedTask;
        }

        var body = new ScopeState
        {
            Id = @case.State.NewId("s"),
            ParentId = token.ScopeId,
            Kind = ScopeKinds.MultiInstanceBody,
            ElementId = activity.Id,
            OwnerTokenId = token.Id,
            Variables = new JsonObject { [Instances] = count, [Completed] = 0, [Active] = 0 },
            Items = items,
        };
        @case.State.Scopes.Add(body);
        token.State = TokenStates.Waiting;
        for (var i = 0; i < (mi.IsSequential ? 1 : count); i++)
        {
            StartInstance(runner, @case, body, activity, i);
        }

        return Task.CompletedTask;
    }

    private static void StartInstance(TokenRunner runner, CaseRuntime @case, ScopeState body, Activity activity, int index)
    {
        var variables = new JsonObject { [LoopCounter] = index };
        if (activity.MultiInstance!.ElementVariable is { } name)
        {
            variables[name] = body.Items?[index]?.DeepClone();
        }

        var inner = new ScopeState
        {
            Id = @case.State.NewId("s"),
            ParentId = body.Id,
            Kind = ScopeKinds.MultiInstanceInner,
            ElementId = activity.Id,
            OwnerTokenId = body.OwnerTokenId,
            Variables = variables,
        };
        @case.State.Scopes.Add(inner);
        Add(body, Active, 1);
        var token = @case.AddToken(inner.Id, activity.Id, TokenStates.Ready);
        token.MultiInstanceInner = true;
        runner.Schedule(@case, token, TokenStates.Ready);
    }

    /// <summary>An inner instance finished: count it, then start the next, finish the body, or wait for the rest.</summary>
    public static async Task InnerCompletedAsync(TokenRunner runner, CaseRuntime @case, TokenState token, Activity activity)
    {
        var inner = @case.FindScope(token.ScopeId)!;
        var body = @case.FindScope(inner.ParentId)!;
        Add(body, Completed, 1);
        Add(body, Active, -1);
        var mi = activity.MultiInstance!;
        bool done;
        try
        {
            done = mi.CompletionCondition is { } condition
                && runner.Context.Services.Scripts.EvaluateCondition(condition, runner.ScopeOf(@case, token));
        }
        catch (ScriptFailedException)
        {
            // The instance stays where it is, with an incident; a retry counts it again, so undo the count.
            Add(body, Completed, -1);
            Add(body, Active, 1);
            throw;
        }
        @case.State.Tokens.Remove(token);
        @case.State.Scopes.Remove(inner);

        var loopCounter = (int)JsonNumbers.ToDouble(inner.Variables[LoopCounter]!.AsValue());
        var count = Get(body, Instances);
        if (!done && mi.IsSequential && loopCounter + 1 < count)
        {
            StartInstance(runner, @case, body, activity, loopCounter + 1);
            return;
        }

        if (!done && Get(body, Active) > 0)
        {
            return;
        }

        foreach (var other in @case.State.Scopes.Where(s => s.ParentId == body.Id).ToList())
        {
            foreach (var t in @case.TokensIn(other.Id).ToList())
            {
                await runner.CancelTokenAsync(@case, t);
            }

            @case.State.Scopes.Remove(other);
        }

        @case.State.Scopes.Remove(body);
        if (@case.FindToken(body.OwnerTokenId) is { } owner)
        {
            runner.Schedule(@case, owner, TokenStates.Leaving);
        }
    }

    private static int Get(ScopeState body, string name) => (int)JsonNumbers.ToDouble(body.Variables[name]!.AsValue());

    private static void Add(ScopeState body, string name, int delta) => body.Variables[name] = Get(body, name) + delta;
}
