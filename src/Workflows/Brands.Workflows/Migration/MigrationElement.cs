namespace Brands.Workflows.Migration;

/// <summary>A flow node of a version, as a migration mapping names it, with its kind (e.g. <c>userTask</c>, <c>boundaryEvent:timer</c>).</summary>
public sealed record MigrationElement(string Id, string? Name, string Kind);
