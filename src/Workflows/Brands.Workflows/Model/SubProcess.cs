namespace Brands.Workflows.Model;

/// <summary>An embedded sub-process: its own scope of tokens and variables.</summary>
public sealed class SubProcess(string id, string? name, int line) : Activity(id, name, line)
{
    public FlowContainer Body { get; } = new(id);
}
