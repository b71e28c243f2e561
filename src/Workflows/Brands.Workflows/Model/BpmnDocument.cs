namespace Brands.Workflows.Model;

/// <summary>A parsed BPMN file.</summary>
public sealed class BpmnDocument
{
    public List<ProcessModel> Processes { get; } = [];
}
