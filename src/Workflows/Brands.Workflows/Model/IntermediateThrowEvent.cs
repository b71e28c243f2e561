namespace Brands.Workflows.Model;

/// <summary>A none intermediate throw event: a milestone a token passes straight through.</summary>
public sealed class IntermediateThrowEvent(string id, string? name, int line) : FlowNode(id, name, line);
