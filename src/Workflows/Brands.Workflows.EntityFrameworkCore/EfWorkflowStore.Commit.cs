using Brands.Workflows.EntityFrameworkCore.Mapping;
using Brands.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Brands.Workflows.EntityFrameworkCore;

public sealed partial class EfWorkflowStore
{
    /// <summary>
    /// Writes the change set all or nothing. PostgreSQL: one round trip (see <see cref="CommitToPostgreSqlAsync"/>).
    /// SQLite: EF Core's batched <c>SaveChanges</c> in one transaction: inserts, then
    /// <c>UPDATE … WHERE id = @id AND version = @expected</c> for instances and tasks (setting version to
    /// expected + 1), job and incident updates, history appends; deleted jobs follow in the same transaction, and a
    /// check that no process a case was started from has a later version than the command took (see
    /// <see cref="ChangeSet.LatestDefinitionVersions"/>) and that this node still holds the jobs it ran (see
    /// <see cref="ChangeSet.JobLockGuards"/>) precede it.
    /// </summary>
    /// <remarks>
    /// Any update that finds no row (a stale version, or a job or incident that no longer exists), and any unique
    /// violation (an id or history sequence written by another command first), rolls everything back and throws
    /// <see cref="WorkflowConcurrencyException"/>: the engine then retries the command from fresh state.
    /// </remarks>
    public async Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return;
        }

        var route = _commitRoute ?? await ResolveCommitRouteAsync(cancellationToken);
        if (route.PostgreSqlConnectionString is { } connectionString)
        {
            await CommitToPostgreSqlAsync(connectionString, changes, cancellationToken);
            return;
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Definition records are immutable (init-only), so the caller's objects can be tracked as they are.
        db.Definitions.AddRange(changes.NewDefinitions);
        foreach (var instance in changes.NewInstances)
        {
            db.Instances.Add(RecordCopies.Copy(instance));
        }

        foreach (var instance in changes.UpdatedInstances)
        {
            AttachGuarded(db, RecordCopies.Copy(instance), ExpectedVersion(changes, instance.Id));
        }

        foreach (var task in changes.NewTasks)
        {
            db.Tasks.Add(RecordCopies.Copy(task));
        }

        foreach (var task in changes.UpdatedTasks)
        {
            AttachGuarded(db, RecordCopies.Copy(task), ExpectedVersion(changes, task.Id));
        }

        foreach (var job in changes.NewJobs)
        {
            db.Jobs.Add(RecordCopies.Copy(job));
        }

        foreach (var job in changes.UpdatedJobs)
        {
            db.Jobs.Entry(RecordCopies.Copy(job)).State = EntityState.Modified;
        }

        foreach (var incident in changes.NewIncidents)
        {
            db.Incidents.Add(RecordCopies.Copy(incident));
        }

        foreach (var incident in changes.UpdatedIncidents)
        {
            db.Incidents.Entry(RecordCopies.Copy(incident)).State = EntityState.Modified;
        }

        foreach (var subscription in changes.NewSubscriptions)
        {
            db.Subscriptions.Add(subscription.Clone());
        }

        // History records are immutable (init-only), so the caller's objects can be tracked as they are.
        db.History.AddRange(changes.History);

        if (changes.DeletedJobs.Count == 0 && changes.DeletedSubscriptions.Count == 0 && changes.ReplacedStartTriggers.Count == 0
            && changes.LatestDefinitionVersions.Count == 0 && changes.JobLockGuards.Count == 0 && changes.NewOutboxMessages.Count == 0)
        {
            await SaveAsync(db, "The case was changed by another command.", cancellationToken);
            return;
        }

        // On SQLite this is BEGIN IMMEDIATE: the write lock is held from the definition check to the commit.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CheckJobLocksAsync(db, changes, cancellationToken);
        foreach (var (key, version) in changes.LatestDefinitionVersions)
        {
            if (await db.Definitions.AnyAsync(d => d.Key == key && d.Version > version, cancellationToken))
            {
                throw new WorkflowConcurrencyException($"A later version of process '{key}' than {version} was deployed.");
            }
        }

        foreach (var key in changes.ReplacedStartTriggers)
        {
            var versions = db.Definitions.Where(d => d.Key == key).Select(d => d.Id);
            await db.Jobs.Where(j => j.InstanceId == null && versions.Contains(j.DefinitionId!)).ExecuteDeleteAsync(cancellationToken);
            await db.Subscriptions.Where(s => s.InstanceId == null && versions.Contains(s.DefinitionId!)).ExecuteDeleteAsync(cancellationToken);
        }

        await AddOutboxMessagesAsync(db, changes.NewOutboxMessages, cancellationToken);
        await SaveAsync(db, "The case was changed by another command.", cancellationToken);
        if (changes.DeletedJobs.Count > 0)
        {
            var deleted = changes.DeletedJobs.ToList();
            await db.Jobs.Where(j => deleted.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (changes.DeletedSubscriptions.Count > 0)
        {
            var deleted = changes.DeletedSubscriptions.ToList();
            await db.Subscriptions.Where(s => deleted.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Inside the commit's transaction: adds the messages whose dedupe key is not stored yet (a key stored by a
    /// concurrent commit after this check breaks the unique index: a conflict, and the command's next attempt skips it).
    /// </summary>
    private static async Task AddOutboxMessagesAsync(WorkflowDbContext db, List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var keys = messages.Where(m => m.DedupeKey is not null).Select(m => m.DedupeKey!).ToList();
        var stored = keys.Count == 0 ? []
            : (await db.Outbox.Where(m => keys.Contains(m.DedupeKey!)).Select(m => m.DedupeKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var message in messages.Where(m => m.DedupeKey is null || !stored.Contains(m.DedupeKey)))
        {
            db.Outbox.Add(message.Clone());
        }
    }

    private static long ExpectedVersion(ChangeSet changes, Guid id) =>
        changes.ExpectedVersions.TryGetValue(id, out var version)
            ? version
            : throw new ArgumentException($"The change set updates {id} but holds no expected version for it.", nameof(changes));

    private static async Task SaveAsync(WorkflowDbContext db, string conflictMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new WorkflowConcurrencyException($"{conflictMessage} ({exception.Entries.Count} row(s) out of date)");
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            throw new WorkflowConcurrencyException($"{conflictMessage} ({exception.InnerException!.Message})");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>Marks a row modified with its version as the concurrency check: written only where it is still <paramref name="expected"/>.</summary>
    private static void AttachGuarded<T>(WorkflowDbContext db, T copy, long expected)
        where T : class
    {
        var entry = db.Entry(copy);
        entry.State = EntityState.Modified;
        var version = entry.Property<long>(nameof(InstanceRecord.Version));
        version.OriginalValue = expected;
        version.CurrentValue = expected + 1;
    }
}
