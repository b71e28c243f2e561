namespace Brands.Workflows.Persistence;

/// <summary>
/// Everything one engine command changed. A store writes it in one transaction or not at all.
/// </summary>
/// <remarks>
/// Updated instances and tasks carry the version they were read at in <see cref="ExpectedVersions"/>; the store
/// writes them only where the stored version still matches, bumps the version, and otherwise throws
/// <see cref="WorkflowConcurrencyException"/> having written nothing.
/// </remarks>
public sealed class ChangeSet
{
    public List<InstanceRecord> NewInstances { get; } = [];
    public List<InstanceRecord> UpdatedInstances { get; } = [];
    public List<TaskRecord> NewTasks { get; } = [];
    public List<TaskRecord> UpdatedTasks { get; } = [];
    public List<JobRecord> NewJobs { get; } = [];
    public List<JobRecord> UpdatedJobs { get; } = [];
    public List<Guid> DeletedJobs { get; } = [];
    public List<IncidentRecord> NewIncidents { get; } = [];
    public List<IncidentRecord> UpdatedIncidents { get; } = [];
    public List<HistoryRecord> History { get; } = [];
    public List<SubscriptionRecord> NewSubscriptions { get; } = [];
    /// <summary>Subscriptions to remove by id; one already gone is no error.</summary>
    public List<Guid> DeletedSubscriptions { get; } = [];

    /// <summary>
    /// Outbox messages the command's steps wrote (docs/engine.md, "Outbox"). One whose <see cref="OutboxMessage.DedupeKey"/>
    /// is already stored is skipped; the rest of the commit goes through.
    /// </summary>
    public List<OutboxMessage> NewOutboxMessages { get; } = [];

    /// <summary>
    /// Definition versions deployed by this commit. Their key and version must be new: another deployment that stored
    /// them first makes the commit throw <see cref="WorkflowConcurrencyException"/>, having written nothing.
    /// </summary>
    public List<DefinitionRecord> NewDefinitions { get; } = [];

    /// <summary>
    /// Process keys whose earlier versions' start triggers (timer start jobs, message and signal start
    /// subscriptions) this commit removes, before the new version's are inserted: a new version replaces them.
    /// </summary>
    public List<string> ReplacedStartTriggers { get; } = [];

    /// <summary>
    /// Jobs this command runs under a lock, each with the owner that must still hold it when the commit is written
    /// (the job executor's node). A job whose lock another node holds now, or that is gone, makes the commit throw
    /// <see cref="JobLockLostException"/> having written nothing: a node whose lease lapsed while its job ran never
    /// commits over the node that took the job over. Not counted in <see cref="IsEmpty"/>: a guard alone is no change.
    /// </summary>
    public Dictionary<Guid, string> JobLockGuards { get; } = [];

    /// <summary>Version read for each updated instance or task id; the store compares and increments it.</summary>
    public Dictionary<Guid, long> ExpectedVersions { get; } = [];

    /// <summary>
    /// For each process key this command started a case of, the definition version it took to be the latest (the
    /// engine keeps the latest versions in memory). The store commits only if no later version of the key is stored
    /// by then; otherwise it throws <see cref="WorkflowConcurrencyException"/> having written nothing, and the engine
    /// looks the latest version up again.
    /// </summary>
    public Dictionary<string, int> LatestDefinitionVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds another command's changes to these, so that both commit in one transaction (the job executor's commit
    /// groups, docs/engine.md, "The job executor"). The caller keeps the two apart: they must not update the same
    /// row or case. Where both took a process's latest version, the lower one is kept: the stricter guard.
    /// </summary>
    public void Append(ChangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        NewInstances.AddRange(other.NewInstances);
        UpdatedInstances.AddRange(other.UpdatedInstances);
        NewTasks.AddRange(other.NewTasks);
        UpdatedTasks.AddRange(other.UpdatedTasks);
        NewJobs.AddRange(other.NewJobs);
        UpdatedJobs.AddRange(other.UpdatedJobs);
        DeletedJobs.AddRange(other.DeletedJobs);
        NewIncidents.AddRange(other.NewIncidents);
        UpdatedIncidents.AddRange(other.UpdatedIncidents);
        History.AddRange(other.History);
        NewSubscriptions.AddRange(other.NewSubscriptions);
        DeletedSubscriptions.AddRange(other.DeletedSubscriptions);
        NewOutboxMessages.AddRange(other.NewOutboxMessages);
        NewDefinitions.AddRange(other.NewDefinitions);
        ReplacedStartTriggers.AddRange(other.ReplacedStartTriggers);
        foreach (var (id, owner) in other.JobLockGuards)
        {
            JobLockGuards[id] = owner;
        }

        foreach (var (id, version) in other.ExpectedVersions)
        {
            ExpectedVersions[id] = version;
        }

        foreach (var (key, version) in other.LatestDefinitionVersions)
        {
            LatestDefinitionVersions[key] = LatestDefinitionVersions.TryGetValue(key, out var mine) ? Math.Min(mine, version) : version;
        }
    }

    public bool IsEmpty =>
        NewInstances.Count + UpdatedInstances.Count + NewTasks.Count + UpdatedTasks.Count + NewJobs.Count
        + UpdatedJobs.Count + DeletedJobs.Count + NewIncidents.Count + UpdatedIncidents.Count + History.Count
        + NewSubscriptions.Count + DeletedSubscriptions.Count + NewDefinitions.Count + ReplacedStartTriggers.Count
        + NewOutboxMessages.Count == 0;
}
