namespace Brands.Workflows;

/// <summary>A BPMN file handed to <see cref="WorkflowEngine.DeployAsync(IReadOnlyList{BpmnSource}, CancellationToken)"/>.</summary>
public sealed record BpmnSource(string Name, string Xml);
