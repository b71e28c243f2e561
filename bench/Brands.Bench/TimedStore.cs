using System.Collections.Concurrent;
using System.Diagnostics;
using Brands.Workflows.Persistence;

namespace Brands.Bench;

/// <summary>
/// Wraps a store and adds up the wall time of each of its calls, so a run can tell how much of a command was
/// spent waiting for the store and how much in the engine itself.
/// </summary>
internal sealed class TimedStore(IWorkflowStore inner) : IWorkflowStore
{
    private readonly ConcurrentDictionary<string, Totals> _totals = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (long Calls, double Ms)> Snapshot() =>
        _totals.ToDictionary(p => p.Key, p => (p.Value.Calls, p.Value.Ticks * 1000.0 / Stopwatch.Frequency), StringComparer.Ordinal);

    public void Reset() => _totals.Clear();

    public Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default) =>
        Time(nameof(FindLatestDefinitionAsync), () => inner.FindLatestDefinitionAsync(key, cancellationToken));

    public Task<DefinitionRecord?> FindDefinitionAsync(string key, int version, CancellationToken cancellationToken = default) =>
        Time(nameof(FindDefinitionAsync), () => inner.FindDefinitionAsync(key, version, cancellationToken));

    public Task<DefinitionRecord?> GetDefinitionAsync(string id, CancellationToken cancellationToken = default) =>
        Time(nameof(GetDefinitionAsync), () => inner.GetDefinitionAsync(id, cancellationToken));

    public Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken = default) =>
        Time(nameof(ListLatestDefinitionsAsync), () => inner.ListLatestDefinitionsAsync(cancellationToken));

    public Task AddDefinitionsAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken = default) =>
        Time(nameof(AddDefinitionsAsync), async () => { await inner.AddDefinitionsAsync(definitions, cancellationToken); return 0; });

    public Task<IReadOnlyList<VersionCaseCounts>> CountCasesByVersionAsync(string key, CancellationToken cancellationToken = default) =>
        Time(nameof(CountCasesByVersionAsync), () => inner.CountCasesByVersionAsync(key, cancellationToken));

    public Task<IReadOnlyList<Guid>> GetActiveInstanceIdsAsync(string key, int version, CancellationToken cancellationToken = default) =>
        Time(nameof(GetActiveInstanceIdsAsync), () => inner.GetActiveInstanceIdsAsync(key, version, cancellationToken));

    public Task<InstanceRecord?> GetInstanceAsync(Guid id, CancellationToken cancellationToken = default) =>
        Time(nameof(GetInstanceAsync), () => inner.GetInstanceAsync(id, cancellationToken));

    public Task<IReadOnlyList<InstanceRecord>> GetInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) =>
        Time(nameof(GetInstancesAsync), () => inner.GetInstancesAsync(ids, cancellationToken));

    public Task<TaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        Time(nameof(GetTaskAsync), () => inner.GetTaskAsync(id, cancellationToken));

    public Task<TaskWithInstance?> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        Time(nameof(GetTaskWithInstanceAsync), () => inner.GetTaskWithInstanceAsync(taskId, cancellationToken));

    public Task<IReadOnlyList<TaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default) =>
        Time(nameof(QueryTasksAsync), () => inner.QueryTasksAsync(query, cancellationToken));

    public Task<IReadOnlyList<TaskRecord>> GetOpenTasksAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Time(nameof(GetOpenTasksAsync), () => inner.GetOpenTasksAsync(instanceId, cancellationToken));

    public Task<JobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken = default) =>
        Time(nameof(GetJobAsync), () => inner.GetJobAsync(id, cancellationToken));

    public Task<IReadOnlyList<JobRecord>> GetJobsAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Time(nameof(GetJobsAsync), () => inner.GetJobsAsync(instanceId, cancellationToken));

    public Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken = default) =>
        Time(nameof(GetOpenIncidentsAsync), () => inner.GetOpenIncidentsAsync(instanceId, cancellationToken));

    public Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Time(nameof(GetHistoryAsync), () => inner.GetHistoryAsync(instanceId, cancellationToken));

    public Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default) =>
        Time(nameof(QueryJobsAsync), () => inner.QueryJobsAsync(query, cancellationToken));

    public Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionQuery query, CancellationToken cancellationToken = default) =>
        Time(nameof(FindSubscriptionsAsync), () => inner.FindSubscriptionsAsync(query, cancellationToken));

    public Task<IReadOnlyList<SubscriptionRecord>> GetSubscriptionsAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        Time(nameof(GetSubscriptionsAsync), () => inner.GetSubscriptionsAsync(instanceId, cancellationToken));

    public Task<IReadOnlyList<JobRecord>> AcquireJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max, CancellationToken cancellationToken = default) =>
        Time(nameof(AcquireJobsAsync), () => inner.AcquireJobsAsync(owner, now, lockExpiresAt, max, cancellationToken));

    public Task<int> RenewJobLocksAsync(string owner, IReadOnlyCollection<Guid> jobIds, DateTimeOffset now, DateTimeOffset lockExpiresAt, CancellationToken cancellationToken = default) =>
        Time(nameof(RenewJobLocksAsync), () => inner.RenewJobLocksAsync(owner, jobIds, now, lockExpiresAt, cancellationToken));

    public Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default) =>
        Time(nameof(CommitAsync), async () => { await inner.CommitAsync(changes, cancellationToken); return 0; });

    private async Task<T> Time<T>(string name, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            var totals = _totals.GetOrAdd(name, _ => new Totals());
            Interlocked.Increment(ref totals.Calls);
            Interlocked.Add(ref totals.Ticks, Stopwatch.GetTimestamp() - started);
        }
    }

    private sealed class Totals
    {
        public long Calls;
        public long Ticks;
    }
}
