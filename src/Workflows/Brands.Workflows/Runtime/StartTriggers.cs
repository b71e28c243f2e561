using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Timers;

namespace Brands.Workflows.Runtime;

/// <summary>
/// The start triggers of a newly deployed version: a job per timer start event and a subscription per message or
/// signal start event, committed with the version itself, replacing the previous version's (Camunda 7 does the same).
/// </summary>
internal static class StartTriggers
{
    /// <summary>Adds the triggers of <paramref name="process"/> to <paramref name="changes"/>; problems go to <paramref name="errors"/>.</summary>
    public static void Add(ChangeSet changes, DefinitionRecord definition, ProcessModel process, EngineServices services,
        DateTimeOffset now, List<ValidationError> errors)
    {
        changes.ReplacedStartTriggers.Add(definition.Key);
        foreach (var start in process.Body.StartEvents.Where(s => s.Trigger is not null))
        {
            try
            {
                AddOne(changes, definition, start, process.TimeZone, services, now);
            }
            catch (ScriptFailedException e)
            {
                errors.Add(new ValidationError(start.Id, start.Line, e.Message));
            }
        }
    }

    private static void AddOne(ChangeSet changes, DefinitionRecord definition, StartEvent start, string timeZone, EngineServices services, DateTimeOffset now)
    {
        var scripts = services.Scripts;
        switch (start.Trigger)
        {
            case TimerTrigger timer:
                var text = scripts.EvaluateText(timer.Value, EmptyScope.Instance)?.Trim() ?? "";
                if (!TimerSchedule.TryParse(timer.Kind, text, timeZone, out var schedule, out var error))
                {
                    throw new ScriptFailedException($"the start timer ({timer.Value.Source}) yielded {error}");
                }

                changes.NewJobs.Add(new JobRecord
                {
                    Id = Guid.CreateVersion7(now),
                    InstanceId = null,
                    DefinitionId = definition.Id,
                    TokenId = "",
                    ElementId = start.Id,
                    Kind = JobKind.TimerStart,
                    DueAt = schedule!.FirstDue(now, services.Calendar),
                    Retries = 3,
                    RetryCycle = start.RetryCycle ?? services.Options.DefaultRetryCycle,
                    PayloadJson = new TimerPayload(text, schedule.Repeats == TimerSchedule.Unbounded ? TimerSchedule.Unbounded : schedule.Repeats - 1).ToJson(),
                    CreatedAt = now,
                });
                break;
            case MessageTrigger message:
                changes.NewSubscriptions.Add(Subscription(definition, start, SubscriptionKind.Message, Name(scripts, message.Name), now));
                break;
            case SignalTrigger signal:
                changes.NewSubscriptions.Add(Subscription(definition, start, SubscriptionKind.Signal, Name(scripts, signal.Name), now));
                break;
        }
    }

    private static string Name(ScriptEvaluator scripts, Expression name)
    {
        var text = scripts.EvaluateText(name, EmptyScope.Instance);
        return string.IsNullOrWhiteSpace(text) ? throw new ScriptFailedException($"the name '{name.Source}' yielded nothing") : text;
    }

    private static SubscriptionRecord Subscription(DefinitionRecord definition, StartEvent start, string kind, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Name = name,
        ElementId = start.Id,
        DefinitionId = definition.Id,
        CreatedAt = now,
    };

    /// <summary>No variables: a start trigger is evaluated before any case exists.</summary>
    private sealed class EmptyScope : IScriptScope
    {
        public static readonly EmptyScope Instance = new();

        public string? BusinessKey => null;
        public Guid CaseId => Guid.Empty;

        public IEnumerable<KeyValuePair<string, JsonNode?>> VisibleVariables() => [];

        public void SetVariable(string name, JsonNode? value) =>
            throw new ScriptFailedException("a start trigger cannot set variables");

        public bool TryGetVariable(string name, out JsonNode? value)
        {
            value = null;
            return false;
        }
    }
}
