namespace Brands.Workflows.Migration;

/// <summary>Why an element stops a migration: <see cref="ElementId"/> is the source version's element (null for the case as a whole).</summary>
public sealed record MigrationProblem(string? ElementId, string Message);
