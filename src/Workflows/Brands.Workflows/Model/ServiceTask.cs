namespace Brands.Workflows.Model;

/// <summary>A service, send or business-rule task done by the handler registered for <see cref="Topic"/>.</summary>
public sealed class ServiceTask(string id, string? name, int line, string topic) : Activity(id, name, line)
{
    public string Topic { get; } = topic;
}
