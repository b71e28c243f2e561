namespace Brands.Host.Infrastructure.Email;

/// <summary>One notification kept for a user's daily digest instead of being mailed at once.</summary>
internal sealed class DigestItem
{
    public required Guid Id { get; init; }
    /// <summary>The outbox message it came from; one item per message and user.</summary>
    public required Guid OutboxId { get; init; }
    public required string UserName { get; init; }
    /// <summary>The notification's subject line, in the user's language when it was collected.</summary>
    public required string Title { get; init; }
    public string? Link { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
