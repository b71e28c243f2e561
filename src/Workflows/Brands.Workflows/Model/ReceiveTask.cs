namespace Brands.Workflows.Model;

/// <summary>Waits for its message, or, without one, until it is triggered.</summary>
public sealed class ReceiveTask(string id, string? name, int line, MessageTrigger? message = null) : Activity(id, name, line)
{
    public MessageTrigger? Message { get; } = message;
}
