namespace Brands.Workflows.Model;

/// <summary>A node that does work or waits; it may carry boundary events and multi-instance characteristics.</summary>
public abstract class Activity(string id, string? name, int line) : FlowNode(id, name, line)
{
    public List<BoundaryEvent> BoundaryEvents { get; } = [];
    public MultiInstance? MultiInstance { get; internal set; }
    /// <summary>The flow taken when no conditional outgoing flow's condition holds.</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }
}
