namespace Brands.Workflows.Persistence;

/// <summary>How many cases (instances, called ones included) of one definition version are in each status.</summary>
public sealed record VersionCaseCounts(int Version, int Active, int Completed, int Terminated);
