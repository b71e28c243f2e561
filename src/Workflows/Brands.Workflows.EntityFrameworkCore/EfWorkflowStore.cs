using System.Linq.Expressions;
using Brands.Workflows.EntityFrameworkCore.Mapping;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>
/// <see cref="IWorkflowStore"/> on EF Core, for PostgreSQL and SQLite. Thread-safe: every call takes its own
/// context from the (pooled) factory. Register it with
/// <see cref="WorkflowStoreServiceCollectionExtensions.AddWorkflowStore"/>, or build one without DI with
/// <see cref="Create"/>.
/// </summary>
/// <remarks>
/// Behaves as <see cref="InMemoryWorkflowStore"/>, with what a database adds: instants come back in UTC (and at
/// microsecond precision on PostgreSQL), JSON in jsonb columns comes back re-formatted by PostgreSQL, and candidate
/// lists are stored normalised (entries trimmed, empty entries dropped).
/// </remarks>
public sealed partial class EfWorkflowStore(IDbContextFactory<WorkflowDbContext> contextFactory) : IWorkflowStore
{
    private readonly IDbContextFactory<WorkflowDbContext> _contextFactory = contextFactory;

    // The reads the engine makes for every command, compiled once per store (so once per provider): no expression
    // tree to hash and look up in EF Core's query cache on each call. Queries are no-tracking (see WorkflowDbContext).
    private readonly Func<WorkflowDbContext, string, CancellationToken, Task<DefinitionRecord?>> _latestDefinition =
        EF.CompileAsyncQuery((WorkflowDbContext db, string key, CancellationToken _) =>
            db.Definitions.Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefault());

    private readonly Func<WorkflowDbContext, Guid, CancellationToken, Task<InstanceRecord?>> _instance =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id, CancellationToken _) => db.Instances.FirstOrDefault(i => i.Id == id));

    private readonly Func<WorkflowDbContext, Guid, CancellationToken, Task<TaskRecord?>> _task =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id, CancellationToken _) => db.Tasks.FirstOrDefault(t => t.Id == id));

    private readonly Func<WorkflowDbContext, Guid, CancellationToken, Task<TaskWithInstance?>> _taskWithInstance =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id, CancellationToken _) => db.Tasks
            .Where(t => t.Id == id)
            .Join(db.Instances, t => t.InstanceId, i => i.Id, (t, i) => new TaskWithInstance(t, i))
            .FirstOrDefault());

    private readonly Func<WorkflowDbContext, Guid, IAsyncEnumerable<TaskRecord>> _openTasks =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid instanceId) => db.Tasks
            .Where(t => t.State == TaskState.Open && t.InstanceId == instanceId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Take(DefaultTaskQueryMax));

    private static readonly int DefaultTaskQueryMax = new TaskQuery().Max;

    /// <summary>Whose clock judges due jobs and leases on PostgreSQL; <see cref="JobClock.Database"/> unless set.</summary>
    public JobClock JobClock { get; init; } = JobClock.Database;

    /// <summary>A store without dependency injection; the schema must be migrated (<see cref="WorkflowDatabaseMigrator"/>).</summary>
    public static EfWorkflowStore Create(WorkflowDatabaseProvider provider, string connectionString, JobClock jobClock = JobClock.Database) =>
        new(WorkflowDbContext.CreateFactory(provider, connectionString)) { JobClock = jobClock };

    public async Task<DefinitionRecord?> FindLatestDefinitionAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await _latestDefinition(db, key, cancellationToken);
    }

    public async Task<DefinitionRecord?> FindDefinitionAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.FirstOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken);
    }

    public async Task<DefinitionRecord?> GetDefinitionAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<DefinitionRecord>> ListLatestDefinitionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.Definitions
            .Where(d => d.Version == db.Definitions.Where(o => o.Key == d.Key).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        // Ordinal order in memory: a database orders text by its collation, which differs between servers.
        return [.. latest.OrderBy(d => d.Key, StringComparer.Ordinal)];
    }

    public async Task AddDefinitionsAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        db.Definitions.AddRange(definitions.Select(d => new DefinitionRecord
        {
            Id = d.Id, Key = d.Key, Version = d.Version, Name = d.Name, Xml = d.Xml, ContentHash = d.ContentHash, DeployedAt = d.DeployedAt,
        }));
        await SaveAsync(db, "Another deployment stored this version first.", cancellationToken);
    }

    public async Task<IReadOnlyList<VersionCaseCounts>> CountCasesByVersionAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Instances.Where(i => i.DefinitionKey == key)
            .GroupBy(i => new { i.DefinitionVersion, i.Status })
            .Select(g => new { g.Key.DefinitionVersion, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.DefinitionVersion)
            .OrderByDescending(g => g.Key)
            .Select(g => new VersionCaseCounts(g.Key,
                g.Where(r => r.Status == InstanceStatus.Active).Sum(r => r.Count),
                g.Where(r => r.Status == InstanceStatus.Completed).Sum(r => r.Count),
                g.Where(r => r.Status == InstanceStatus.Terminated).Sum(r => r.Count)))];
    }

    public async Task<IReadOnlyList<Guid>> GetActiveInstanceIdsAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Instances.Where(i => i.DefinitionKey == key && i.DefinitionVersion == version && i.Status == InstanceStatus.Active)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task<InstanceRecord?> GetInstanceAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await _instance(db, id, cancellationToken);
    }

    public async Task<IReadOnlyList<InstanceRecord>> GetInstancesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var wanted = ids.Distinct().ToArray();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Instances.Where(i => wanted.Contains(i.Id)).ToListAsync(cancellationToken);
    }

    public async Task<TaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await _task(db, id, cancellationToken);
    }

    public async Task<TaskWithInstance?> GetTaskWithInstanceAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await _taskWithInstance(db, taskId, cancellationToken);
    }

    public async Task<IReadOnlyList<TaskRecord>> QueryTasksAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.Where(t => t.State == TaskState.Open);
        if (query.InstanceId is { } instanceId)
        {
            tasks = tasks.Where(t => t.InstanceId == instanceId);
        }

        if (query.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee);
        }

        if (query.DueBefore is { } dueBefore)
        {
            tasks = tasks.Where(t => t.DueAt < dueBefore);
        }

        if (query.CandidateUser is not null || query.CandidateGroups is not null)
        {
            var candidate = CandidatePredicate(query.CandidateUser, query.CandidateGroups ?? []);
            if (candidate is null)
            {
                return [];
            }

            tasks = tasks.Where(t => t.Assignee == null).Where(candidate);
        }

        return await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(query.Max).ToListAsync(cancellationToken);
    }

    /// <summary>As <c>QueryTasksAsync(new TaskQuery { InstanceId = instanceId })</c>, compiled.</summary>
    public async Task<IReadOnlyList<TaskRecord>> GetOpenTasksAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var tasks = new List<TaskRecord>();
        await foreach (var task in _openTasks(db, instanceId).WithCancellation(cancellationToken))
        {
            tasks.Add(task);
        }

        return tasks;
    }

    public async Task<JobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRecord>> GetJobsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.Where(j => j.InstanceId == instanceId).OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobRecord>> QueryJobsAsync(JobQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.AsQueryable();
        if (query.InstanceId is { } instanceId)
        {
            jobs = jobs.Where(j => j.InstanceId == instanceId);
        }

        if (query.DefinitionId is { } definitionId)
        {
            jobs = jobs.Where(j => j.InstanceId == null && j.DefinitionId == definitionId);
        }

        if (query.Kind is { } kind)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }

        if (query.DueBefore is { } dueBefore)
        {
            jobs = jobs.Where(j => j.DueAt <= dueBefore);
        }

        if (query.Failed is { } failed)
        {
            jobs = failed ? jobs.Where(j => j.Retries == 0) : jobs.Where(j => j.Retries > 0);
        }

        if (query.LockedAt is { } lockedAt)
        {
            jobs = jobs.Where(j => j.LockExpiresAt != null && j.LockExpiresAt > lockedAt);
        }

        if (query.UnlockedAt is { } unlockedAt)
        {
            jobs = jobs.Where(j => j.LockExpiresAt == null || j.LockExpiresAt < unlockedAt);
        }

        return await jobs.OrderBy(j => j.DueAt).ThenBy(j => j.Id).Take(query.Max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IncidentRecord>> GetOpenIncidentsAsync(Guid? instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var open = db.Incidents.Where(i => i.ResolvedAt == null);
        if (instanceId is { } id)
        {
            open = open.Where(i => i.InstanceId == id);
        }

        return await open.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HistoryRecord>> GetHistoryAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.History.Where(h => h.InstanceId == instanceId).OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> FindSubscriptionsAsync(SubscriptionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var found = db.Subscriptions.Where(s => s.Kind == query.Kind && s.Name == query.Name);
        if (query.StartEvents is { } start)
        {
            found = start ? found.Where(s => s.InstanceId == null) : found.Where(s => s.InstanceId != null);
        }

        if (query.BusinessKey is { } businessKey)
        {
            found = found.Where(s => s.BusinessKey == businessKey);
        }

        if (query.CorrelationKey is { } correlationKey)
        {
            found = found.Where(s => s.CorrelationKey == correlationKey);
        }

        return await found.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(query.Max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> GetSubscriptionsAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Subscriptions.Where(s => s.InstanceId == instanceId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Matches whole members of the stored comma-separated lists, as <see cref="TaskFilter.Matches"/> does:
    /// <c>',' || candidate_groups || ','</c> contains <c>',' || @group || ','</c>. Null when nothing can match.
    /// </summary>
    private static Expression<Func<TaskRecord, bool>>? CandidatePredicate(string? user, IReadOnlyList<string> groups)
    {
        Expression<Func<TaskRecord, bool>>? predicate = null;
        if (user is not null)
        {
            var member = "," + user + ",";
            predicate = t => ("," + t.CandidateUsers + ",").Contains(member);
        }

        foreach (var group in groups.Distinct(StringComparer.Ordinal))
        {
            var member = "," + group + ",";
            predicate = Predicates.OrElse(predicate, t => ("," + t.CandidateGroups + ",").Contains(member));
        }

        return predicate;
    }
}
