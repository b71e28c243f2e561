namespace Brands.Workflows.Persistence;

/// <summary>
/// A message a step asked to send to the outside world (an email, say), written in the same transaction as the step
/// (docs/engine.md, "Outbox"). The host's dispatcher for its <see cref="Topic"/> claims it, sends it and records the result.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public OutboxMessage Clone() => (OutboxMessage)MemberwiseClone();

    public required Guid Id { get; init; }
    /// <summary>Who sends it, e.g. <c>email</c>.</summary>
    public required string Topic { get; init; }
    /// <summary>What to send, as JSON the topic's dispatcher understands.</summary>
    public required string PayloadJson { get; init; }
    /// <summary>A message whose key is already in the outbox is not added again; null: no such check.</summary>
    public string? DedupeKey { get; init; }
    /// <summary>The case whose step wrote it; null for a message of no case.</summary>
    public Guid? InstanceId { get; init; }
    public string? ElementId { get; init; }
    /// <summary><see cref="OutboxStatus.Pending"/>, <see cref="OutboxStatus.Sent"/> or <see cref="OutboxStatus.Failed"/>.</summary>
    public required string Status { get; set; }
    /// <summary>Attempts made so far (sent or failed).</summary>
    public int Attempts { get; set; }
    /// <summary>When a pending message may be claimed next.</summary>
    public required DateTimeOffset NextAttemptAt { get; set; }
    public string? LockOwner { get; set; }
    public DateTimeOffset? LockExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>What the dispatcher recorded when it sent the message (to whom, for example).</summary>
    public string? Result { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
