namespace Brands.Workflows.Persistence;

/// <summary>Where the engine keeps definitions, instances, tasks, jobs, incidents and history.</summary>
/// <remarks>Implementations: <see cref="InMemoryWorkflowStore"/> and the EF Core stores for PostgreSQL and SQLite.</remarks>
public interface IWorkflowStore
{
    Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default);
    Task<DefinitionRecord?> FindDefinitionAsync(string key, int version, CancellationToken cancellationToken = default);
    Task<DefinitionRecord?> GetDefinitionAsync(string id, CancellationToken cancellationToken = default);
    /// <summary>The latest version of every key, ordered by key.</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts new definition versions in one transaction. Throws <see cref="WorkflowConcurrencyException"/> when
    /// another node stored the same key and version first (unique key + version).
    /// </summary>
    Task AddDefinitionsAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken = default);

    /// <summary>Case counts by status for every version of <paramref name="key"/> that has cases, newest version first.</summary>
    Task<IReadOnlyList<VersionCaseCounts>> CountCasesByVersionAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The ids of the active cases on version <paramref name="version"/> of <paramref name="key"/>, oldest first (for migrating them).</summary>
    Task<IReadOnlyList<Guid>> GetActiveInstanceIdsAsync(string key, int version, CancellationToken cancellationToken = default);

    Task<InstanceRecord?> GetInstanceAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cases among <paramref name="ids"/> that exist, in no particular order: one query on a database. The job
    /// executor reads the cases of a batch ahead with it (docs/engine.md, "The job executor").
    /// </summary>
    Task<IReadOnlyList<InstanceRecord>> GetInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    Task<TaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// A task and the case it belongs to, read together (one query on a database): every task command needs both.
    /// Null when the task does not exist.
    /// </summary>
    Task<TaskWithInstance?> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<TaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<TaskRecord>> GetOpenTasksAsync(Guid instanceId, CancellationToken cancellationToken = default);
    Task<JobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<JobRecord>> GetJobsAsync(Guid instanceId, CancellationToken cancellationToken = default);
    /// <summary>Jobs matching <paramref name="query"/>, in due order.</summary>
    Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>Message or signal subscriptions by name, oldest first (see <see cref="SubscriptionQuery"/>).</summary>
    Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionQuery query, CancellationToken cancellationToken = default);

    /// <summary>The subscriptions a case holds now, oldest first.</summary>
    Task<IReadOnlyList<SubscriptionRecord>> GetSubscriptionsAsync(Guid instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Locks up to <paramref name="max"/> due jobs (DueAt ≤ now, Retries &gt; 0, no live lock) for
    /// <paramref name="owner"/> until <paramref name="lockExpiresAt"/>, and returns them. On PostgreSQL with
    /// <c>FOR UPDATE SKIP LOCKED</c>, so nodes never take the same job.
    /// </summary>
    /// <remarks>
    /// A store that judges time by its own clock (PostgreSQL by default: <c>now()</c> of the database) compares due
    /// dates and leases with that clock and uses <paramref name="now"/> only for the lease's length
    /// (<paramref name="lockExpiresAt"/> − <paramref name="now"/>), so a node whose clock is off neither fires
    /// early nor starves.
    /// </remarks>
    Task<IReadOnlyList<JobRecord>> AcquireJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends to <paramref name="lockExpiresAt"/> the lease of those of <paramref name="jobIds"/> that
    /// <paramref name="owner"/> still holds (a store with its own clock: by the lease's length from its now, as in
    /// <see cref="AcquireJobsAsync"/>); returns how many it extended. A job taken over by another node or gone is
    /// left alone.
    /// </summary>
    Task<int> RenewJobLocksAsync(string owner, IReadOnlyCollection<Guid> jobIds, DateTimeOffset now, DateTimeOffset lockExpiresAt, CancellationToken cancellationToken = default);

    /// <summary>Writes the change set in one transaction; see <see cref="ChangeSet"/>.</summary>
    Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default);
}

/// <summary>Filters for open tasks; all optional and combined with AND.</summary>
public sealed record TaskQuery
{
    public Guid? InstanceId { get; init; }
    /// <summary>Tasks assigned to this user.</summary>
    public string? Assignee { get; init; }
    /// <summary>Unassigned tasks this user may claim: a candidate user, or in one of <see cref="CandidateGroups"/>.</summary>
    public string? CandidateUser { get; init; }
    public IReadOnlyList<string>? CandidateGroups { get; init; }
    /// <summary>Only tasks whose due date is before this instant.</summary>
    public DateTimeOffset? DueBefore { get; init; }
    public int Max { get; init; } = 500;
}

/// <summary>Another command changed the same instance or task first.</summary>
public sealed class WorkflowConcurrencyException(string message) : Exception(message);
