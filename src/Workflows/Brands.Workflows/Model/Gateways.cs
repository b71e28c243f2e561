namespace Brands.Workflows.Model;

public abstract class Gateway(string id, string? name, int line) : FlowNode(id, name, line)
{
    public SequenceFlow? DefaultFlow { get; internal set; }
}

/// <summary>Takes the first outgoing flow whose condition holds, else the default (BPMN 2.0 §10.6.2).</summary>
public sealed class ExclusiveGateway(string id, string? name, int line) : Gateway(id, name, line);

/// <summary>Waits for a token on every incoming flow, then forks to every outgoing flow (BPMN 2.0 §10.6.4).</summary>
public sealed class ParallelGateway(string id, string? name, int line) : Gateway(id, name, line);

/// <summary>Forks to every flow whose condition holds; joins once no more tokens can arrive (BPMN 2.0 §10.6.3).</summary>
public sealed class InclusiveGateway(string id, string? name, int line) : Gateway(id, name, line);
