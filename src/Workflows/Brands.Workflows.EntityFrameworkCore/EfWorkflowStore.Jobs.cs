using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Workflows.EntityFrameworkCore;

public sealed partial class EfWorkflowStore
{
    /// <summary>
    /// Locks due jobs in one statement, earliest due first. PostgreSQL: the due rows are picked with
    /// <c>FOR UPDATE SKIP LOCKED</c>, so nodes acquiring at the same moment pass over each other's rows instead of
    /// taking them twice; with <see cref="JobClock.Database"/> "due" and the lease are judged by the database's
    /// <c>now()</c>. SQLite: one <c>UPDATE … RETURNING</c> runs under the database's single write lock, which
    /// serialises acquirers; one node, so its clock is the caller's.
    /// </summary>
    public async Task<IReadOnlyList<JobRecord>> AcquireJobsAsync(string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0)
        {
            return [];
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        List<JobRecord> acquired;
        if (db.Database.IsNpgsql() && JobClock == JobClock.Database)
        {
            var lease = lockExpiresAt - now;
            acquired = await db.Jobs.FromSql($"""
                WITH due AS (
                    SELECT id FROM wf_jobs
                    WHERE retries > 0 AND due_at <= now() AND (lock_expires_at IS NULL OR lock_expires_at < now())
                    ORDER BY due_at
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                UPDATE wf_jobs AS j SET lock_owner = {owner}, lock_expires_at = now() + {lease}
                FROM due WHERE j.id = due.id
                RETURNING j.*
                """).ToListAsync(cancellationToken);
        }
        else if (db.Database.IsNpgsql())
        {
            var nowUtc = now.ToUniversalTime();
            var expiresUtc = lockExpiresAt.ToUniversalTime();
            acquired = await db.Jobs.FromSql($"""
                WITH due AS (
                    SELECT id FROM wf_jobs
                    WHERE retries > 0 AND due_at <= {nowUtc} AND (lock_expires_at IS NULL OR lock_expires_at < {nowUtc})
                    ORDER BY due_at
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                UPDATE wf_jobs AS j SET lock_owner = {owner}, lock_expires_at = {expiresUtc}
                FROM due WHERE j.id = due.id
                RETURNING j.*
                """).ToListAsync(cancellationToken);
        }
        else
        {
            // Instants are stored as UTC ticks on SQLite (see WorkflowDbContext).
            var nowTicks = now.UtcTicks;
            var expiresTicks = lockExpiresAt.UtcTicks;
            acquired = await db.Jobs.FromSql($"""
                UPDATE wf_jobs SET lock_owner = {owner}, lock_expires_at = {expiresTicks}
                WHERE id IN (
                    SELECT id FROM wf_jobs
                    WHERE retries > 0 AND due_at <= {nowTicks} AND (lock_expires_at IS NULL OR lock_expires_at < {nowTicks})
                    ORDER BY due_at
                    LIMIT {max})
                RETURNING *
                """).ToListAsync(cancellationToken);
        }

        return [.. acquired.OrderBy(j => j.DueAt).ThenBy(j => j.Id)];
    }

    /// <summary>Extends the leases <paramref name="owner"/> still holds; by the database's clock as in <see cref="AcquireJobsAsync"/>.</summary>
    public async Task<int> RenewJobLocksAsync(string owner, IReadOnlyCollection<Guid> jobIds, DateTimeOffset now, DateTimeOffset lockExpiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(jobIds);
        if (jobIds.Count == 0)
        {
            return 0;
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = jobIds.ToArray();
        if (db.Database.IsNpgsql() && JobClock == JobClock.Database)
        {
            var lease = lockExpiresAt - now;
            return await db.Database.ExecuteSqlAsync(
                $"UPDATE wf_jobs SET lock_expires_at = now() + {lease} WHERE id = ANY({ids}) AND lock_owner = {owner}",
                cancellationToken);
        }

        return await db.Jobs.Where(j => ids.Contains(j.Id) && j.LockOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockExpiresAt, lockExpiresAt), cancellationToken);
    }

    /// <summary>Throws <see cref="JobLockLostException"/> unless every guarded job is still held by its owner (inside the commit's transaction).</summary>
    private static async Task CheckJobLocksAsync(WorkflowDbContext db, ChangeSet changes, CancellationToken cancellationToken)
    {
        foreach (var byOwner in changes.JobLockGuards.GroupBy(g => g.Value, g => g.Key, StringComparer.Ordinal))
        {
            var ids = byOwner.ToList();
            var held = await db.Jobs.CountAsync(j => ids.Contains(j.Id) && j.LockOwner == byOwner.Key, cancellationToken);
            if (held != ids.Count)
            {
                throw new JobLockLostException($"Job {string.Join(", ", ids)} is no longer held by {byOwner.Key}.");
            }
        }
    }
}
