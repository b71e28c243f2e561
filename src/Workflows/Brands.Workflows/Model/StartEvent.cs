namespace Brands.Workflows.Model;

/// <summary>A none start event (BPMN 2.0 §10.5.2). Triggered starts (timer, message) come with a later release.</summary>
public sealed class StartEvent(string id, string? name, int line) : FlowNode(id, name, line)
{
    /// <summary><c>camunda:initiator</c>: the variable that receives the name of the user who started the case.</summary>
    public string? Initiator { get; internal set; }
}
