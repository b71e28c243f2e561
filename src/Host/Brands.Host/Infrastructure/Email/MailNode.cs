namespace Brands.Host.Infrastructure.Email;

/// <summary>This node's name as the holder of claimed outbox messages and digest items.</summary>
internal static class MailNode
{
    public static string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
