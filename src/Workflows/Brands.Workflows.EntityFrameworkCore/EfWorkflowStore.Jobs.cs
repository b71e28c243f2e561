using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Workflows.EntityFrameworkCore;

public sealed partial class EfWorkflowStore
{
    /// <summary>
    /// Locks due jobs in one statement. PostgreSQL: the due rows are picked with <c>FOR UPDATE SKIP LOCKED</c>, so
    /// nodes acquiring at the same moment pass over each other's rows instead of taking them twice. SQLite: one
    /// <c>UPDATE … RETURNING</c> runs under the database's single write lock, which serialises acquirers.
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
        if (db.Database.IsNpgsql())
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
}
