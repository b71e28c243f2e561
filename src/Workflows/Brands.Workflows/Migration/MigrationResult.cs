namespace Brands.Workflows.Migration;

/// <summary>What a migration did: each case either moved to the target version in its own commit, or was refused and left as it was.</summary>
public sealed record MigrationResult(string TargetDefinitionId, int TargetVersion, IReadOnlyList<Guid> Migrated, IReadOnlyList<RefusedCase> Refused);
