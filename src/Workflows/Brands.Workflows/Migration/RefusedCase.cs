namespace Brands.Workflows.Migration;

/// <summary>A case that was not migrated, and why (nothing of it changed).</summary>
public sealed record RefusedCase(Guid CaseId, IReadOnlyList<MigrationProblem> Problems);
