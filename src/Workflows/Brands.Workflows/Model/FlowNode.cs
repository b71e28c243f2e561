namespace Brands.Workflows.Model;

/// <summary>An element that tokens visit: an event, activity or gateway (BPMN 2.0 §10.1).</summary>
public abstract class FlowNode
{
    protected FlowNode(string id, string? name, int line)
    {
        Id = id;
        Name = name;
        Line = line;
    }

    public string Id { get; }
    public string? Name { get; }
    /// <summary>Line of the element in the BPMN file, for messages.</summary>
    public int Line { get; }
    /// <summary>The process or sub-process that directly contains this node.</summary>
    public FlowContainer Container { get; internal set; } = null!;
    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];
    public bool AsyncBefore { get; internal set; }
    public bool AsyncAfter { get; internal set; }
    public string? RetryCycle { get; internal set; }
    public List<InputOutputMapping> Inputs { get; } = [];
    public List<InputOutputMapping> Outputs { get; } = [];
    /// <summary><c>camunda:executionListener</c>s: <c>start</c> when a token enters, <c>end</c> when it leaves.</summary>
    public List<Listener> ExecutionListeners { get; } = [];

    public override string ToString() => $"{GetType().Name} '{Id}'";
}
