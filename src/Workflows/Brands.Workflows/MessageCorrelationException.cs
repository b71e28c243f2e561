namespace Brands.Workflows;

/// <summary>
/// A message matched more than one waiting case or start event; a message goes to exactly one (HTTP 409, listing
/// them). Narrow it with the business key or correlation keys.
/// </summary>
public sealed class MessageCorrelationException(string messageName, IReadOnlyList<Guid> caseIds, IReadOnlyList<string>? definitionIds = null)
    : Exception(caseIds.Count > 0
        ? $"Message '{messageName}' matches {caseIds.Count} waiting cases ({string.Join(", ", caseIds)}); it must match exactly one: narrow it by business key or correlation keys."
        : $"Message '{messageName}' starts {definitionIds?.Count} processes ({string.Join(", ", definitionIds ?? [])}); it must start exactly one.")
{
    public string MessageName { get; } = messageName;
    public IReadOnlyList<Guid> CaseIds { get; } = caseIds;
    public IReadOnlyList<string> DefinitionIds { get; } = definitionIds ?? [];
}
