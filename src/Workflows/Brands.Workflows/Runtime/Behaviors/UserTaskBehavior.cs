using System.Globalization;
using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>Creates the human task with its assignment, dates and form, and waits for its completion.</summary>
internal sealed class UserTaskBehavior : INodeBehavior
{
    public static readonly UserTaskBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var userTask = (UserTask)node;
        var context = runner.Context;
        var scripts = context.Services.Scripts;
        var scope = runner.ScopeOf(@case, token);
        var task = new TaskRecord
        {
            Id = Guid.CreateVersion7(context.Now),
            InstanceId = @case.Id,
            DefinitionKey = @case.Record.DefinitionKey,
            BusinessKey = @case.Record.BusinessKey,
            OrganisationCode = @case.Record.OrganisationCode,
            Province = @case.Record.Province,
            ElementId = node.Id,
            TokenId = token.Id,
            Name = node.Name,
            Assignee = Blank(scripts.EvaluateText(userTask.Assignee, scope)),
            CandidateUsers = List(userTask.CandidateUsers, scripts, scope),
            CandidateGroups = List(userTask.CandidateGroups, scripts, scope),
            DueAt = Date(userTask.DueDate, scripts, scope, context.Now, "camunda:dueDate"),
            FollowUpAt = Date(userTask.FollowUpDate, scripts, scope, context.Now, "camunda:followUpDate"),
            Priority = Priority(userTask.Priority, scripts, scope),
            FormRef = userTask.FormRef,
            FormRefBinding = userTask.FormRefBinding,
            State = TaskState.Open,
            CreatedAt = context.Now,
        };
        context.AddTask(task);
        token.TaskId = task.Id;
        token.State = TokenStates.Waiting;
        context.History(@case, "task-created", node.Id, new JsonObject
        {
            ["taskId"] = task.Id.ToString(),
            ["assignee"] = task.Assignee,
            ["candidateGroups"] = task.CandidateGroups,
        });
        if (userTask.TaskListeners.Count > 0)
        {
            // As in Camunda 7: an assignee set on creation fires "assignment" before "create".
            if (task.Assignee is not null)
            {
                await runner.RunListenersAsync(@case, scope, userTask.TaskListeners, ListenerEvents.Assignment, node.Id, task);
            }

            await runner.RunListenersAsync(@case, scope, userTask.TaskListeners, ListenerEvents.Create, node.Id, task);
            runner.ArmTimeoutListeners(@case, token, userTask);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? List(Expression? expression, ScriptEvaluator scripts, VariableScope scope)
    {
        if (expression is null)
        {
            return null;
        }

        IEnumerable<string> items = scripts.Evaluate(expression, scope) switch
        {
            JsonArray array => array.Select(JsConversion.ToText),
            null => [],
            var value => JsConversion.ToText(value).Split(','),
        };
        var joined = string.Join(',', items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal));
        return joined.Length == 0 ? null : joined;
    }

    private static int Priority(Expression? expression, ScriptEvaluator scripts, VariableScope scope)
    {
        var text = scripts.EvaluateText(expression, scope);
        if (text is null)
        {
            return 50;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority)
            ? priority
            : throw new ScriptFailedException($"camunda:priority '{text}' is not a whole number");
    }

    /// <summary>An ISO 8601 date-time, or a duration counted from now (e.g. <c>P14D</c>, <c>P5WD</c>; see docs/engine.md, "Working days").</summary>
    internal static DateTimeOffset? Date(Expression? expression, ScriptEvaluator scripts, VariableScope scope, DateTimeOffset now, string what)
    {
        var text = Blank(scripts.EvaluateText(expression, scope));
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith('P'))
        {
            // Read as timers read durations: calendar periods in the process's zone, or working days (P5WD).
            return Timers.DueDates.TryAddDuration(text, now, scope.TimeZone, scope.Calendar, out var due) is { } error
                ? throw new ScriptFailedException($"{what} '{text}': {error}")
                : due;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ScriptFailedException($"{what} '{text}' is not an ISO 8601 date or duration");
    }
}
