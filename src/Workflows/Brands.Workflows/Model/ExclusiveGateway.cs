namespace Brands.Workflows.Model;

/// <summary>Takes the first outgoing flow whose condition holds, else the default (BPMN 2.0 §10.6.2).</summary>
public sealed class ExclusiveGateway(string id, string? name, int line) : Gateway(id, name, line);
