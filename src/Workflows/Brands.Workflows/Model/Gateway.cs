namespace Brands.Workflows.Model;

public abstract class Gateway(string id, string? name, int line) : FlowNode(id, name, line)
{
    public SequenceFlow? DefaultFlow { get; internal set; }
}
