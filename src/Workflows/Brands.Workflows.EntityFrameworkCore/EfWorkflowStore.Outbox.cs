using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>The outbox (docs/engine.md, "Outbox") on <c>wf_outbox</c>; instants by the caller's clock.</summary>
public sealed partial class EfWorkflowStore : IOutboxStore
{
    /// <summary>
    /// One statement: PostgreSQL picks the due rows with <c>FOR UPDATE SKIP LOCKED</c>, so nodes claiming at once pass
    /// over each other's rows; SQLite's <c>UPDATE … RETURNING</c> runs under its single write lock.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string topic, string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0)
        {
            return [];
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        List<OutboxMessage> claimed;
        if (db.Database.IsNpgsql())
        {
            var nowUtc = now.ToUniversalTime();
            var expiresUtc = lockExpiresAt.ToUniversalTime();
            claimed = await db.Outbox.FromSql($"""
                WITH due AS (
                    SELECT id FROM wf_outbox
                    WHERE topic = {topic} AND status = 'pending' AND next_attempt_at <= {nowUtc}
                      AND (lock_expires_at IS NULL OR lock_expires_at < {nowUtc})
                    ORDER BY next_attempt_at
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                UPDATE wf_outbox AS o SET lock_owner = {owner}, lock_expires_at = {expiresUtc}
                FROM due WHERE o.id = due.id
                RETURNING o.*
                """).ToListAsync(cancellationToken);
        }
        else
        {
            // Instants are stored as UTC ticks on SQLite (see WorkflowDbContext).
            var nowTicks = now.UtcTicks;
            var expiresTicks = lockExpiresAt.UtcTicks;
            claimed = await db.Outbox.FromSql($"""
                UPDATE wf_outbox SET lock_owner = {owner}, lock_expires_at = {expiresTicks}
                WHERE id IN (
                    SELECT id FROM wf_outbox
                    WHERE topic = {topic} AND status = 'pending' AND next_attempt_at <= {nowTicks}
                      AND (lock_expires_at IS NULL OR lock_expires_at < {nowTicks})
                    ORDER BY next_attempt_at
                    LIMIT {max})
                RETURNING *
                """).ToListAsync(cancellationToken);
        }

        return [.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)];
    }

    public async Task<bool> MarkOutboxSentAsync(Guid id, string owner, DateTimeOffset sentAt, string? result, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.Where(m => m.Id == id && m.LockOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Result, result)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockOwner, (string?)null)
                .SetProperty(m => m.LockExpiresAt, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    public async Task<bool> MarkOutboxFailedAsync(Guid id, string owner, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var matching = db.Outbox.Where(m => m.Id == id && m.LockOwner == owner);
        return (nextAttemptAt is { } next
            ? await matching.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockOwner, (string?)null)
                .SetProperty(m => m.LockExpiresAt, (DateTimeOffset?)null), cancellationToken)
            : await matching.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockOwner, (string?)null)
                .SetProperty(m => m.LockExpiresAt, (DateTimeOffset?)null), cancellationToken)) == 1;
    }

    public async Task<OutboxMessage?> GetOutboxMessageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> QueryOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var found = db.Outbox.AsQueryable();
        if (query.Topic is { } topic)
        {
            found = found.Where(m => m.Topic == topic);
        }

        if (query.Status is { } status)
        {
            found = found.Where(m => m.Status == status);
        }

        if (query.InstanceId is { } instanceId)
        {
            found = found.Where(m => m.InstanceId == instanceId);
        }

        return await found.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(query.Skip).Take(query.Max).ToListAsync(cancellationToken);
    }

    public async Task<bool> ResetOutboxMessageAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockOwner, (string?)null)
                .SetProperty(m => m.LockExpiresAt, (DateTimeOffset?)null), cancellationToken) == 1;
    }
}
