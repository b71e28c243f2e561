namespace Brands.Workflows.Persistence;

/// <summary>
/// A store in process memory for fast engine tests and the in-memory benchmark. Same contract as the database
/// stores: atomic commits with version checks. Records are copied in and out, so callers never share state.
/// </summary>
public sealed partial class InMemoryWorkflowStore : IWorkflowStore, IOutboxStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DefinitionRecord> _definitions = [];
    private readonly Dictionary<Guid, InstanceRecord> _instances = [];
    private readonly Dictionary<Guid, TaskRecord> _tasks = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _tasksByInstance = [];
    private readonly Dictionary<Guid, JobRecord> _jobs = [];
    private readonly Dictionary<Guid, IncidentRecord> _incidents = [];
    private readonly Dictionary<Guid, List<HistoryRecord>> _history = [];
    private readonly Dictionary<Guid, SubscriptionRecord> _subscriptions = [];
    /// <summary>Subscription ids by kind and name, as the databases' index finds them: correlation reads no other.</summary>
    private readonly Dictionary<(string Kind, string Name), HashSet<Guid>> _subscriptionsByName = [];

    public Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_definitions.Values.Where(d => d.Key == key).MaxBy(d => d.Version));
        }
    }

    public Task<DefinitionRecord?> FindDefinitionAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_definitions.Values.FirstOrDefault(d => d.Key == key && d.Version == version));
        }
    }

    public Task<DefinitionRecord?> GetDefinitionAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_definitions.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<DefinitionRecord> latest = [.. _definitions.Values.GroupBy(d => d.Key)
                .Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Key, StringComparer.Ordinal)];
            return Task.FromResult(latest);
        }
    }

    public Task<IReadOnlyList<VersionCaseCounts>> CountCasesByVersionAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<VersionCaseCounts> counts = [.. _instances.Values.Where(i => i.DefinitionKey == key)
                .GroupBy(i => i.DefinitionVersion)
                .OrderByDescending(g => g.Key)
                .Select(g => new VersionCaseCounts(g.Key,
                    g.Count(i => i.Status == InstanceStatus.Active),
                    g.Count(i => i.Status == InstanceStatus.Completed),
                    g.Count(i => i.Status == InstanceStatus.Terminated)))];
            return Task.FromResult(counts);
        }
    }

    public Task<IReadOnlyList<Guid>> GetActiveInstanceIdsAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Guid> ids = [.. _instances.Values
                .Where(i => i.DefinitionKey == key && i.DefinitionVersion == version && i.Status == InstanceStatus.Active)
                .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Select(i => i.Id)];
            return Task.FromResult(ids);
        }
    }

    public Task AddDefinitionsAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            CheckNewDefinitions(definitions);
            foreach (var definition in definitions)
            {
                _definitions.Add(definition.Id, definition);
            }
        }

        return Task.CompletedTask;
    }

    private void CheckNewDefinitions(IEnumerable<DefinitionRecord> definitions)
    {
        if (definitions.Any(n => _definitions.Values.Any(d => d.Key == n.Key && d.Version == n.Version)))
        {
            throw new WorkflowConcurrencyException("Another deployment stored this version first.");
        }
    }

    public Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<SubscriptionRecord> named = _subscriptionsByName.TryGetValue((query.Kind, query.Name), out var ids)
                ? ids.Select(id => _subscriptions[id])
                : [];
            IReadOnlyList<SubscriptionRecord> found = [.. named
                .Where(s => (query.StartEvents is not { } start || (s.InstanceId is null) == start)
                    && (query.BusinessKey is null || s.BusinessKey == query.BusinessKey)
                    && (query.CorrelationKey is null || s.CorrelationKey == query.CorrelationKey))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(query.Max).Select(s => s.Clone())];
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<SubscriptionRecord>> GetSubscriptionsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SubscriptionRecord> found = [.. _subscriptions.Values.Where(s => s.InstanceId == instanceId)
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(s => s.Clone())];
            return Task.FromResult(found);
        }
    }

    public Task<InstanceRecord?> GetInstanceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(id, out var i) ? Copy(i) : null);
        }
    }

    public Task<IReadOnlyList<InstanceRecord>> GetInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            IReadOnlyList<InstanceRecord> found = [.. ids.Distinct().Where(_instances.ContainsKey).Select(id => Copy(_instances[id]))];
            return Task.FromResult(found);
        }
    }

    public Task<TaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tasks.TryGetValue(id, out var t) ? Copy(t) : null);
        }
    }

    public Task<TaskWithInstance?> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tasks.TryGetValue(taskId, out var t) ? new TaskWithInstance(Copy(t), Copy(_instances[t.InstanceId])) : null);
        }
    }

    public Task<IReadOnlyList<TaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IEnumerable<TaskRecord> candidates = query.InstanceId is { } instanceId
                ? _tasksByInstance.TryGetValue(instanceId, out var ids) ? ids.Select(id => _tasks[id]) : []
                : _tasks.Values;
            IReadOnlyList<TaskRecord> found = [.. candidates
                .Where(t => t.State == TaskState.Open && TaskFilter.Matches(t, query))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(query.Max).Select(Copy)];
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<TaskRecord>> GetOpenTasksAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        QueryTasksAsync(new TaskQuery { InstanceId = instanceId }, cancellationToken);

    public Task<JobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.TryGetValue(id, out var j) ? Copy(j) : null);
        }
    }

    public Task<IReadOnlyList<JobRecord>> GetJobsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JobRecord> jobs = [.. _jobs.Values.Where(j => j.InstanceId == instanceId).OrderBy(j => j.DueAt).Select(Copy)];
            return Task.FromResult(jobs);
        }
    }

    public Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<JobRecord> jobs = [.. _jobs.Values
                .Where(j => (query.InstanceId is null || j.InstanceId == query.InstanceId)
                    && (query.DefinitionId is null || (j.InstanceId is null && j.DefinitionId == query.DefinitionId))
                    && (query.Kind is null || j.Kind == query.Kind)
                    && (query.DueBefore is null || j.DueAt <= query.DueBefore)
                    && (query.Failed is not { } failed || (j.Retries == 0) == failed)
                    && (query.LockedAt is null || (j.LockExpiresAt is { } locked && locked > query.LockedAt))
                    && (query.UnlockedAt is null || j.LockExpiresAt is null || j.LockExpiresAt < query.UnlockedAt))
                .OrderBy(j => j.DueAt).ThenBy(j => j.Id).Take(query.Max).Select(Copy)];
            return Task.FromResult(jobs);
        }
    }

    public Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<IncidentRecord> open = [.. _incidents.Values
                .Where(i => i.ResolvedAt is null && (instanceId is null || i.InstanceId == instanceId))
                .OrderBy(i => i.CreatedAt).Select(Copy)];
            return Task.FromResult(open);
        }
    }

    public Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<HistoryRecord> entries = _history.TryGetValue(instanceId, out var list) ? [.. list] : [];
            return Task.FromResult(entries);
        }
    }

    public Task<IReadOnlyList<JobRecord>> AcquireJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var due = _jobs.Values
                .Where(j => j.Retries > 0 && j.DueAt <= now && (j.LockExpiresAt is null || j.LockExpiresAt < now))
                .OrderBy(j => j.DueAt).Take(max).ToList();
            foreach (var job in due)
            {
                job.LockOwner = owner;
                job.LockExpiresAt = lockExpiresAt;
            }

            IReadOnlyList<JobRecord> acquired = [.. due.Select(Copy)];
            return Task.FromResult(acquired);
        }
    }

    public Task<int> RenewJobLocksAsync(string owner, IReadOnlyCollection<Guid> jobIds, DateTimeOffset now, DateTimeOffset lockExpiresAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var renewed = 0;
            foreach (var id in jobIds)
            {
                if (_jobs.TryGetValue(id, out var job) && job.LockOwner == owner)
                {
                    job.LockExpiresAt = lockExpiresAt;
                    renewed++;
                }
            }

            return Task.FromResult(renewed);
        }
    }

    public Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var (jobId, owner) in changes.JobLockGuards)
            {
                if (!_jobs.TryGetValue(jobId, out var held) || held.LockOwner != owner)
                {
                    throw new JobLockLostException($"Job {jobId} is no longer held by {owner}.");
                }
            }

            foreach (var (key, version) in changes.LatestDefinitionVersions)
            {
                if (_definitions.Values.FirstOrDefault(d => d.Key == key && d.Version > version) is { } later)
                {
                    throw new WorkflowConcurrencyException($"Version {later.Version} of process '{key}' was deployed after version {version} was read.");
                }
            }

            CheckNewDefinitions(changes.NewDefinitions);
            foreach (var instance in changes.UpdatedInstances)
            {
                CheckVersion(instance.Id, _instances.GetValueOrDefault(instance.Id)?.Version, changes);
            }

            foreach (var key in changes.ReplacedStartTriggers)
            {
                var ids = _definitions.Values.Where(d => d.Key == key).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var job in _jobs.Values.Where(j => j.InstanceId is null && j.DefinitionId is { } d && ids.Contains(d)).ToList())
                {
                    _jobs.Remove(job.Id);
                }

                foreach (var subscription in _subscriptions.Values.Where(s => s.InstanceId is null && s.DefinitionId is { } d && ids.Contains(d)).ToList())
                {
                    RemoveSubscription(subscription.Id);
                }
            }

            foreach (var definition in changes.NewDefinitions)
            {
                _definitions.Add(definition.Id, definition);
            }

            foreach (var task in changes.UpdatedTasks)
            {
                CheckVersion(task.Id, _tasks.GetValueOrDefault(task.Id)?.Version, changes);
            }

            foreach (var instance in changes.NewInstances)
            {
                _instances.Add(instance.Id, Copy(instance));
            }

            foreach (var instance in changes.UpdatedInstances)
            {
                var copy = Copy(instance);
                copy.Version = changes.ExpectedVersions[instance.Id] + 1;
                _instances[instance.Id] = copy;
            }

            foreach (var task in changes.NewTasks)
            {
                _tasks.Add(task.Id, Copy(task));
                if (!_tasksByInstance.TryGetValue(task.InstanceId, out var ids))
                {
                    _tasksByInstance[task.InstanceId] = ids = [];
                }

                ids.Add(task.Id);
            }

            foreach (var task in changes.UpdatedTasks)
            {
                var copy = Copy(task);
                copy.Version = changes.ExpectedVersions[task.Id] + 1;
                _tasks[task.Id] = copy;
            }

            foreach (var job in changes.NewJobs.Concat(changes.UpdatedJobs))
            {
                _jobs[job.Id] = Copy(job);
            }

            foreach (var id in changes.DeletedJobs)
            {
                _jobs.Remove(id);
            }

            foreach (var id in changes.DeletedSubscriptions)
            {
                RemoveSubscription(id);
            }

            foreach (var subscription in changes.NewSubscriptions)
            {
                _subscriptions[subscription.Id] = subscription.Clone();
                if (!_subscriptionsByName.TryGetValue((subscription.Kind, subscription.Name), out var named))
                {
                    _subscriptionsByName[(subscription.Kind, subscription.Name)] = named = [];
                }

                named.Add(subscription.Id);
            }

            foreach (var incident in changes.NewIncidents.Concat(changes.UpdatedIncidents))
            {
                _incidents[incident.Id] = Copy(incident);
            }

            AddOutboxMessages(changes.NewOutboxMessages);
            foreach (var entry in changes.History)
            {
                if (!_history.TryGetValue(entry.InstanceId, out var list))
                {
                    _history[entry.InstanceId] = list = [];
                }

                list.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    private void RemoveSubscription(Guid id)
    {
        if (_subscriptions.Remove(id, out var removed) && _subscriptionsByName.TryGetValue((removed.Kind, removed.Name), out var named))
        {
            named.Remove(id);
            if (named.Count == 0)
            {
                _subscriptionsByName.Remove((removed.Kind, removed.Name));
            }
        }
    }

    private static void CheckVersion(Guid id, long? stored, ChangeSet changes)
    {
        if (stored is null || stored != changes.ExpectedVersions[id])
        {
            throw new WorkflowConcurrencyException($"{id} was changed by another command.");
        }
    }

    private static InstanceRecord Copy(InstanceRecord r) => r.Clone();

    private static TaskRecord Copy(TaskRecord r) => r.Clone();

    private static JobRecord Copy(JobRecord r) => r.Clone();

    private static IncidentRecord Copy(IncidentRecord r) => r.Clone();
}
