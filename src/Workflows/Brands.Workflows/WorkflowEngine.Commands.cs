using System.Text.Json.Nodes;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    public partial Task<CaseSnapshot> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? userId,
        CaseAttributes? attributes, CancellationToken cancellationToken) =>
        ExecuteAsync(userId, async (context, runner) =>
        {
            var definition = await context.LatestDefinitionAsync(definitionKey, cancellationToken)
                ?? throw new WorkflowNotFoundException($"No process with key '{definitionKey}' is deployed.");
            var @case = await CaseStarter.CreateAsync(runner, definition, businessKey, (JsonObject?)variables?.DeepClone(), null, attributes);
            await runner.RunAsync();
            return Snapshot(@case);
        }, cancellationToken);

    public partial async Task<CaseSnapshot?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var record = await _store.GetInstanceAsync(caseId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var process = await _services.Definitions.GetProcessAsync(record.DefinitionId, cancellationToken);
        return Snapshot(new CaseRuntime(record, process, isNew: false));
    }

    public partial Task ClaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken) =>
        ExecuteAsync(userId, async (context, runner) =>
        {
            var task = await OpenTaskAsync(context, taskId, cancellationToken);
            if (task.Assignee == userId)
            {
                return 0;
            }

            if (task.Assignee is not null)
            {
                throw new WorkflowConflictException($"The task is already claimed by {task.Assignee}.");
            }

            task.Assignee = userId;
            context.TaskChanged(task);
            var @case = await context.LoadCaseAsync(task.InstanceId, cancellationToken);
            context.History(@case, "task-claimed", task.ElementId, new JsonObject { ["taskId"] = taskId.ToString() });
            await RunTaskListenersAsync(runner, @case, task, ListenerEvents.Assignment);
            return 0;
        }, cancellationToken);

    public partial Task UnclaimTaskAsync(Guid taskId, string userId, string? onBehalfOf, CancellationToken cancellationToken) =>
        ExecuteAsync(userId, async (context, _) =>
        {
            var task = await OpenTaskAsync(context, taskId, cancellationToken);
            if (task.Assignee is null && onBehalfOf is null)
            {
                return 0;
            }

            if (task.Assignee != (onBehalfOf ?? userId))
            {
                throw new WorkflowConflictException(task.Assignee is null
                    ? "The task is no longer claimed."
                    : $"The task is claimed by {task.Assignee}; only they can release it.");
            }

            task.Assignee = null;
            context.TaskChanged(task);
            var @case = await context.LoadCaseAsync(task.InstanceId, cancellationToken);
            context.History(@case, "task-unclaimed", task.ElementId, WithOnBehalfOf(new JsonObject { ["taskId"] = taskId.ToString() }, onBehalfOf));
            return 0;
        }, cancellationToken);

    public partial Task AssignTaskAsync(Guid taskId, string? assignee, string userId, CancellationToken cancellationToken) =>
        ExecuteAsync(userId, async (context, runner) =>
        {
            var task = await OpenTaskAsync(context, taskId, cancellationToken);
            if (task.Assignee == assignee)
            {
                return 0;
            }

            var previous = task.Assignee;
            task.Assignee = assignee;
            context.TaskChanged(task);
            var @case = await context.LoadCaseAsync(task.InstanceId, cancellationToken);
            context.History(@case, "task-assigned", task.ElementId, new JsonObject
            {
                ["taskId"] = taskId.ToString(),
                ["assignee"] = assignee,
                ["previousAssignee"] = previous,
            });
            if (assignee is not null)
            {
                await RunTaskListenersAsync(runner, @case, task, ListenerEvents.Assignment);
            }

            return 0;
        }, cancellationToken);

    public partial Task CompleteTaskAsync(Guid taskId, JsonObject? variables, string? userId, string? onBehalfOf, CancellationToken cancellationToken) =>
        ExecuteAsync(userId, async (context, runner) =>
        {
            var task = await OpenTaskAsync(context, taskId, cancellationToken);
            if (onBehalfOf is not null ? task.Assignee != onBehalfOf
                : task.Assignee is not null && userId is not null && task.Assignee != userId)
            {
                throw new WorkflowConflictException(task.Assignee is null ? "The task is no longer claimed." : $"The task is claimed by {task.Assignee}.");
            }

            var @case = await context.LoadCaseAsync(task.InstanceId, cancellationToken);
            var token = @case.FindToken(task.TokenId);
            if (token is null || token.TaskId != task.Id)
            {
                throw new WorkflowConflictException("The case no longer waits for this task.");
            }

            task.State = TaskState.Completed;
            task.EndedAt = context.Now;
            task.CompletedBy = userId;
            context.TaskChanged(task);
            context.History(@case, "task-completed", task.ElementId, WithOnBehalfOf(new JsonObject
            {
                ["taskId"] = taskId.ToString(),
                ["variables"] = variables?.DeepClone(),
            }, onBehalfOf));
            SetVariables(runner.ScopeOf(@case, token), variables);
            await RunTaskListenersAsync(runner, @case, task, ListenerEvents.Complete);
            token.TaskId = null;
            runner.Schedule(@case, token, TokenStates.Leaving);
            return 0;
        }, cancellationToken);

    public partial Task TriggerAsync(Guid caseId, string elementId, JsonObject? variables, CancellationToken cancellationToken) =>
        ExecuteAsync(null, async (context, runner) =>
        {
            var @case = await context.LoadCaseAsync(caseId, cancellationToken);
            // A multi-instance receive task waits in its inner instances; the body's owner token is not one of them.
            var token = @case.State.Tokens.FirstOrDefault(t => t.ElementId == elementId && t.State == TokenStates.Waiting
                    && @case.Node(t.ElementId) is ReceiveTask { MultiInstance: var mi } && (mi is null || t.MultiInstanceInner))
                ?? throw new WorkflowConflictException($"The case does not wait in receive task '{elementId}'.");
            context.History(@case, "task-triggered", elementId, new JsonObject { ["variables"] = variables?.DeepClone() });
            SetVariables(runner.ScopeOf(@case, token), variables);
            runner.Schedule(@case, token, TokenStates.Leaving);
            return 0;
        }, cancellationToken);

    /// <summary>The task listeners for <paramref name="eventName"/> of the user task <paramref name="task"/> is of.</summary>
    private static async Task RunTaskListenersAsync(TokenRunner runner, CaseRuntime @case, TaskRecord task, string eventName)
    {
        if (@case.Node(task.ElementId) is UserTask { TaskListeners.Count: > 0 } userTask && @case.FindToken(task.TokenId) is { } token)
        {
            await runner.RunListenersAsync(@case, runner.ScopeOf(@case, token), userTask.TaskListeners, eventName, task.ElementId, task);
        }
    }

    private static async Task<TaskRecord> OpenTaskAsync(CommandContext context, Guid taskId, CancellationToken cancellationToken)
    {
        var task = await context.LoadTaskAsync(taskId, cancellationToken);
        return task.State == TaskState.Open ? task
            : throw new WorkflowConflictException($"The task is already {task.State}{(task.CompletedBy is { } by ? $" by {by}" : "")}.");
    }

    private static JsonObject WithOnBehalfOf(JsonObject data, string? onBehalfOf)
    {
        if (onBehalfOf is not null)
        {
            data["onBehalfOf"] = onBehalfOf;
        }

        return data;
    }

    private static void SetVariables(VariableScope scope, JsonObject? variables)
    {
        foreach (var (name, value) in variables ?? [])
        {
            scope.SetVariable(name, value);
        }
    }
}
