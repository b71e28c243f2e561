namespace Brands.Workflows.Persistence;

/// <summary>The states of an <see cref="OutboxMessage"/>.</summary>
public static class OutboxStatus
{
    /// <summary>Waiting to be sent (again, after a failed attempt, from its next attempt time).</summary>
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Its attempts ran out; an administrator may send it again.</summary>
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Pending, Sent, Failed];
}
