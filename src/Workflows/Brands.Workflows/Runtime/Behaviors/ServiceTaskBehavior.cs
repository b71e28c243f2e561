using Brands.Workflows.Handlers;
using Brands.Workflows.Model;

namespace Brands.Workflows.Runtime.Behaviors;

/// <summary>
/// Calls the handler registered for the topic. A <see cref="BpmnErrorException"/> becomes a BPMN error; any other
/// failure undoes the variables the handler set, and parks the token with a retry job per
/// <c>failedJobRetryTimeCycle</c>, then an incident.
/// </summary>
internal sealed class ServiceTaskBehavior : INodeBehavior
{
    public static readonly ServiceTaskBehavior Instance = new();

    public async Task ExecuteAsync(TokenRunner runner, CaseRuntime @case, TokenState token, FlowNode node)
    {
        var task = (ServiceTask)node;
        var services = runner.Context.Services;
        var scope = runner.ScopeOf(@case, token);
        try
        {
            if (!services.Handlers.TryGetValue(task.Topic, out var handler))
            {
                throw new InvalidOperationException($"no handler is registered for topic '{task.Topic}'");
            }

            var context = new ServiceTaskContext(@case.Id, @case.Record.BusinessKey, node.Id, task.Topic, scope.Get, scope.SetVariable,
                (topic, payload, key) => runner.Context.EnqueueOutbox(@case.Id, node.Id, topic, payload, key));
            await handler.ExecuteAsync(context, runner.CancellationToken);
        }
        catch (BpmnErrorException e)
        {
            await runner.ThrowErrorAsync(@case, token, e.ErrorCode, checkOwnBoundaries: true);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !runner.CancellationToken.IsCancellationRequested)
        {
            var cycle = RetryCycle.TryParse(node.RetryCycle ?? services.Options.DefaultRetryCycle, out var parsed) ? parsed : new RetryCycle(3, TimeSpan.FromMinutes(5));
            var left = runner.Context.RetriesLeft.TryGetValue(token.Id, out var fromJob) ? fromJob : Math.Max(cycle.Attempts - 1, 0);
            runner.RollBackStep();
            runner.Fail(@case, token, $"the handler for topic '{task.Topic}' failed: {e.Message}", IncidentKinds.FailedJob, left, cycle.Interval);
            return;
        }

        runner.Schedule(@case, token, TokenStates.Leaving);
    }
}
