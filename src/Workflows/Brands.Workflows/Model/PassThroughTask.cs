namespace Brands.Workflows.Model;

/// <summary>A plain <c>task</c> or <c>manualTask</c>: passes straight through (Camunda semantics).</summary>
public sealed class PassThroughTask(string id, string? name, int line) : Activity(id, name, line);
