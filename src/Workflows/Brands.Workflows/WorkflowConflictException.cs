namespace Brands.Workflows;

/// <summary>The command conflicts with the current state: the task is held by someone else or already done (HTTP 409).</summary>
public sealed class WorkflowConflictException(string message) : Exception(message);
