namespace Brands.Workflows.Model;

/// <summary>
/// An embedded sub-process: its own scope of tokens and variables. An event sub-process (<see cref="TriggeredByEvent"/>)
/// has no flows: it starts at its one triggered start event while its enclosing scope runs (BPMN 2.0 §10.2.5).
/// </summary>
public sealed class SubProcess(string id, string? name, int line, bool triggeredByEvent = false) : Activity(id, name, line)
{
    public FlowContainer Body { get; } = new(id);
    public bool TriggeredByEvent { get; } = triggeredByEvent;

    /// <summary>An event sub-process's start event.</summary>
    public StartEvent? TriggeredStart => TriggeredByEvent ? Body.Nodes.Values.OfType<StartEvent>().FirstOrDefault() : null;
}
