namespace Brands.Workflows.Model;

/// <summary>Waits until it is triggered.</summary>
public sealed class ReceiveTask(string id, string? name, int line) : Activity(id, name, line);
