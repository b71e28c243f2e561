using Brands.Workflows.Expressions;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    private readonly EngineServices _services;
    private readonly IWorkflowStore _store;
    private readonly WorkflowEngineOptions _options;
    private readonly IReadOnlyList<IDeploymentCheck> _deploymentChecks;

    /// <summary>The case record read with an acquired job's batch, for the job's first command (see <see cref="JobPipeline"/>).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JobRecord, InstanceRecord> _readAheads = [];

    /// <summary>
    /// How a job acquired by a run commits: through the run's <see cref="CommitGroup"/>, telling the run's worker when
    /// its changes wait there so the worker can go on (see <see cref="JobPipeline"/>).
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JobRecord, JobCommit> _jobCommits = [];

    public WorkflowEngine(IWorkflowStore store, IEnumerable<IServiceTaskHandler> handlers, WorkflowEngineOptions options,
        TimeProvider timeProvider, ILogger<WorkflowEngine> logger, IEnumerable<IListenerHandler>? listeners = null,
        Timers.IBusinessCalendar? calendar = null, IEnumerable<ICommitObserver>? observers = null,
        ITriggeredStartAttributes? triggeredStartAttributes = null, IEnumerable<IDeploymentCheck>? deploymentChecks = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var byName = new Dictionary<string, IListenerHandler>(StringComparer.Ordinal);
        foreach (var listener in listeners ?? [])
        {
            if (!byName.TryAdd(listener.Name, listener))
            {
                throw new InvalidOperationException($"Two listener handlers are registered as '{listener.Name}': {byName[listener.Name].GetType().Name} and {listener.GetType().Name}.");
            }
        }

        var byTopic = new Dictionary<string, IServiceTaskHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byTopic.TryAdd(handler.Topic, handler))
            {
                throw new InvalidOperationException($"Two handlers are registered for topic '{handler.Topic}': {byTopic[handler.Topic].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        _store = store;
        _options = options;
        _deploymentChecks = [.. deploymentChecks ?? []];
        _services = new EngineServices(store, new DefinitionCache(store), byTopic, byName, new ScriptEvaluator(options), options, timeProvider, logger, calendar,
            [.. observers ?? []], triggeredStartAttributes);
    }

    /// <summary>
    /// Runs one command in a fresh unit of work and commits it in one transaction; a lost optimistic-concurrency
    /// race re-runs the whole command, a bounded number of times, then reports a conflict. A command that runs an
    /// acquired job (<paramref name="heldJob"/>) commits only while this node still holds the job's lock, together with
    /// other jobs of its run that finished meanwhile (<see cref="CommitGroup"/>).
    /// </summary>
    private async Task<T> ExecuteAsync<T>(string? userId, Func<CommandContext, TokenRunner, Task<T>> command, CancellationToken cancellationToken,
        JobRecord? heldJob = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var context = new CommandContext(_services, userId);
            if (attempt == 1 && heldJob is not null && _readAheads.TryGetValue(heldJob, out var readAhead))
            {
                // Read with the job's batch; should it be stale by now, the commit's version check sends the command round again, reading afresh.
                _readAheads.Remove(heldJob);
                context.ReadAhead(readAhead);
            }

            var runner = new TokenRunner(context, cancellationToken);
            T result;
            try
            {
                result = await command(context, runner);
                await runner.RunAsync();
            }
            catch (ScriptFailedException e)
            {
                // A listener of the caller's own action (a start, claim or completion) failed outside any step that
                // could park: the action is refused and nothing is written.
                throw new WorkflowConflictException($"The action was refused: {e.Message}");
            }

            context.Flush();
            Observe(context);
            if (context.Changes.IsEmpty)
            {
                return result;
            }

            if (heldJob?.LockOwner is { } owner)
            {
                context.Changes.JobLockGuards[heldJob.Id] = owner;
            }

            try
            {
                if (heldJob is not null && _jobCommits.TryGetValue(heldJob, out var jobCommit))
                {
                    await jobCommit.Group.CommitAsync(context.Changes, jobCommit.Queued);
                }
                else
                {
                    await _store.CommitAsync(context.Changes, cancellationToken);
                }

                return result;
            }
            catch (Exception e)
            {
                // Whatever failed the commit, the latest versions this command relied on may be what is stale (a
                // later version deployed elsewhere, a database restored under a running node): look them up again.
                ForgetLatestDefinitions(context.Changes);
                if (e is not WorkflowConcurrencyException)
                {
                    throw;
                }

                if (attempt >= _options.MaxCommandAttempts)
                {
                    throw new WorkflowConflictException($"The case was changed by someone else {attempt} times in a row; try again. ({e.Message})");
                }

                // Someone else changed the same case or task first, or deployed a later version of a process this
                // command started: run again on fresh state.
            }
        }
    }

    /// <summary>Shows the commit to the host's observers, which may add outbox messages to it.</summary>
    private void Observe(CommandContext context)
    {
        if (_services.Observers.Count == 0)
        {
            return;
        }

        var created = context.Changes.NewTasks.Where(t => t.State == TaskState.Open).Select(t => t.Clone()).ToList();
        var assigned = context.AssignedTasks().Select(t => t.Clone()).ToList();
        if (created.Count == 0 && assigned.Count == 0)
        {
            return;
        }

        var commit = new PendingCommit(context.UserId, created, assigned, context.EnqueueOutbox);
        foreach (var observer in _services.Observers)
        {
            observer.BeforeCommit(commit);
        }
    }

    private void ForgetLatestDefinitions(ChangeSet changes)
    {
        foreach (var key in changes.LatestDefinitionVersions.Keys)
        {
            _services.Definitions.ForgetLatest(key);
        }
    }

    private static CaseSnapshot Snapshot(CaseRuntime @case) => new(
        @case.Id,
        @case.Record.DefinitionKey,
        @case.Record.DefinitionVersion,
        @case.Record.BusinessKey,
        @case.Record.Status,
        @case.ActiveElementIds(),
        (System.Text.Json.Nodes.JsonObject)@case.Variables.DeepClone(),
        @case.Record.StartedAt,
        @case.Record.EndedAt,
        @case.Record.ParentInstanceId);
}
