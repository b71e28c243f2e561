namespace Brands.Workflows.Handlers;

/// <summary>An executable process as an <see cref="IDeploymentCheck"/> sees it: its id (the key) and line, and its own <c>camunda:properties</c>.</summary>
public sealed record DeployingProcess(string Key, int Line, IReadOnlyDictionary<string, ProcessProperty> Properties);

/// <summary>A process's <c>camunda:property</c> (the first of its name): its value and the line it stands on.</summary>
public sealed record ProcessProperty(string Value, int Line);
