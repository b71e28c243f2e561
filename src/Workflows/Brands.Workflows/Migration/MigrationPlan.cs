namespace Brands.Workflows.Migration;

/// <summary>
/// What migrating the running cases of one version of a process to another would take (README "Migrating running
/// cases"): the elements matched by id automatically, the elements where cases wait that found no match (the
/// administrator confirms a target for each), and the target's elements to choose from.
/// </summary>
public sealed record MigrationPlan(
    string Key,
    string SourceDefinitionId,
    int SourceVersion,
    string TargetDefinitionId,
    int TargetVersion,
    int ActiveCases,
    IReadOnlyList<ElementMapping> Mappings,
    IReadOnlyList<UnmappedElement> Unmapped,
    IReadOnlyList<MigrationElement> TargetElements);
