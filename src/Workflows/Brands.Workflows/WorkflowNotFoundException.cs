namespace Brands.Workflows;

/// <summary>A definition, case, task or job that does not exist (HTTP 404).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);
