namespace Brands.Workflows.Model;

/// <summary>Forks to every flow whose condition holds; joins once no more tokens can arrive (BPMN 2.0 §10.6.3).</summary>
public sealed class InclusiveGateway(string id, string? name, int line) : Gateway(id, name, line);
