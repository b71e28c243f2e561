using System.Text.Json.Nodes;

namespace Brands.Workflows;

/// <summary>
/// One definition version touched by a deployment; <c>IsNew</c> is false when identical XML was deployed before
/// and the existing version was returned.
/// </summary>
public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name, bool IsNew);

/// <summary>The executable processes of a deployed file (or files), in document order.</summary>
public sealed record DeploymentResult(IReadOnlyList<DeployedDefinition> Definitions)
{
    public bool CreatedAny => Definitions.Any(d => d.IsNew);
}

/// <summary>A case (process instance) as a caller sees it.</summary>
public sealed record CaseSnapshot(
    Guid Id,
    string DefinitionKey,
    int DefinitionVersion,
    string? BusinessKey,
    string Status,
    IReadOnlyList<string> ActiveElementIds,
    JsonObject Variables,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid? ParentId);

/// <summary>A BPMN file handed to <see cref="WorkflowEngine.DeployAsync(IReadOnlyList{BpmnSource}, CancellationToken)"/>.</summary>
public sealed record BpmnSource(string Name, string Xml);
