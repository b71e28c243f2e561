namespace Brands.Workflows.Runtime;

/// <summary>How an acquired job's commands commit: through its run's group, calling <paramref name="Queued"/> once the changes wait there.</summary>
internal sealed record JobCommit(CommitGroup Group, Action Queued);
