using System.Text.Json.Nodes;

namespace Brands.Workflows;

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
