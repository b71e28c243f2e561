namespace Brands.Workflows.Persistence;

/// <summary>A deployed version of one executable process. The XML is the whole file it came from.</summary>
public sealed class DefinitionRecord
{
    public required string Id { get; init; }
    /// <summary>The process id in the BPMN file; versions share it.</summary>
    public required string Key { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required string Xml { get; init; }
    /// <summary>SHA-256 of the XML: an identical redeploy finds it and creates no version.</summary>
    public required string ContentHash { get; init; }
    public required DateTimeOffset DeployedAt { get; init; }
}
