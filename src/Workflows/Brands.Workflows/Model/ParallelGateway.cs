namespace Brands.Workflows.Model;

/// <summary>Waits for a token on every incoming flow, then forks to every outgoing flow (BPMN 2.0 §10.6.4).</summary>
public sealed class ParallelGateway(string id, string? name, int line) : Gateway(id, name, line);
