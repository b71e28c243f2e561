namespace Brands.Workflows;

/// <summary>The caller's input is wrong, e.g. variables that cannot be stored (HTTP 400).</summary>
public sealed class WorkflowInputException(string message) : Exception(message);
