namespace Brands.Workflows.Persistence;

public sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<Guid, OutboxMessage> _outbox = [];
    private readonly HashSet<string> _outboxKeys = new(StringComparer.Ordinal);

    /// <summary>Inside the commit's lock: a message whose dedupe key is stored already is skipped.</summary>
    private void AddOutboxMessages(List<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.DedupeKey is null || _outboxKeys.Add(message.DedupeKey))
            {
                _outbox.Add(message.Id, message.Clone());
            }
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(string topic, string owner, DateTimeOffset now, DateTimeOffset lockExpiresAt, int max,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var due = _outbox.Values
                .Where(m => m.Topic == topic && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                    && (m.LockExpiresAt is null || m.LockExpiresAt < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(max).ToList();
            foreach (var message in due)
            {
                message.LockOwner = owner;
                message.LockExpiresAt = lockExpiresAt;
            }

            IReadOnlyList<OutboxMessage> claimed = [.. due.Select(m => m.Clone())];
            return Task.FromResult(claimed);
        }
    }

    public Task<bool> MarkOutboxSentAsync(Guid id, string owner, DateTimeOffset sentAt, string? result, CancellationToken cancellationToken = default) =>
        Mark(id, owner, m =>
        {
            m.Status = OutboxStatus.Sent;
            m.SentAt = sentAt;
            m.Result = result;
            m.LastError = null;
        });

    public Task<bool> MarkOutboxFailedAsync(Guid id, string owner, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default) =>
        Mark(id, owner, m =>
        {
            m.Status = nextAttemptAt is null ? OutboxStatus.Failed : OutboxStatus.Pending;
            m.NextAttemptAt = nextAttemptAt ?? m.NextAttemptAt;
            m.LastError = error;
        });

    private Task<bool> Mark(Guid id, string owner, Action<OutboxMessage> change)
    {
        lock (_gate)
        {
            if (!_outbox.TryGetValue(id, out var message) || message.LockOwner != owner)
            {
                return Task.FromResult(false);
            }

            change(message);
            message.Attempts++;
            message.LockOwner = null;
            message.LockExpiresAt = null;
            return Task.FromResult(true);
        }
    }

    public Task<OutboxMessage?> GetOutboxMessageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_outbox.TryGetValue(id, out var message) ? message.Clone() : null);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> QueryOutboxAsync(OutboxQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> found = [.. _outbox.Values
                .Where(m => (query.Topic is null || m.Topic == query.Topic) && (query.Status is null || m.Status == query.Status)
                    && (query.InstanceId is null || m.InstanceId == query.InstanceId))
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(query.Skip).Take(query.Max).Select(m => m.Clone())];
            return Task.FromResult(found);
        }
    }

    public Task<bool> ResetOutboxMessageAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_outbox.TryGetValue(id, out var message))
            {
                return Task.FromResult(false);
            }

            message.Status = OutboxStatus.Pending;
            message.Attempts = 0;
            message.NextAttemptAt = now;
            message.LockOwner = null;
            message.LockExpiresAt = null;
            return Task.FromResult(true);
        }
    }
}
