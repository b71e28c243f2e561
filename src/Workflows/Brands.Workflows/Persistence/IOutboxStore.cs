namespace Brands.Workflows.Persistence;

/// <summary>
/// The outbox (docs/engine.md, "Outbox"): messages are written by <see cref="IWorkflowStore.CommitAsync"/> with the step
/// that caused them; a topic's dispatcher claims the due ones under a lease, so several nodes never send the same
/// message at once, and records each attempt. Implemented by every workflow store.
/// </summary>
/// <remarks>Instants are judged by the caller's clock (<c>now</c>).</remarks>
public interface IOutboxStore
{
    /// <summary>
    /// Leases up to <paramref name="max"/> pending messages of <paramref name="topic"/> whose next attempt is due and
    /// whose lease (if any) has lapsed to <paramref name="owner"/> until <paramref name="lockExpiresAt"/>, oldest due
    /// first; on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string topic, string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a successful attempt of a message <paramref name="owner"/> still holds, and releases it. False when the
    /// lease was lost (another node took the message) or the message is gone.
    /// </summary>
    Task<bool> MarkOutboxSentAsync(Guid id, string owner, DateTimeOffset sentAt, string? result, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt of a message <paramref name="owner"/> still holds, and releases it: pending again from
    /// <paramref name="nextAttemptAt"/>, or <see cref="OutboxStatus.Failed"/> when that is null (no attempts left).
    /// False when the lease was lost or the message is gone.
    /// </summary>
    Task<bool> MarkOutboxFailedAsync(Guid id, string owner, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default);

    Task<OutboxMessage?> GetOutboxMessageAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Messages matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> QueryOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a message pending again, due at <paramref name="now"/>, with its attempts counted from zero and any lease
    /// dropped (an administrator's resend). False when there is no such message.
    /// </summary>
    Task<bool> ResetOutboxMessageAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default);
}
