using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// An open task joined with its case, as the scoped task queries filter them; with the keys lists sort by
/// (<see cref="TaskListOrder"/>). They are the task's own columns, or, for the claimable tasks on PostgreSQL, the
/// same values from the candidates index (<see cref="CandidateTasks"/>): a list ordered by the columns of the index it
/// walks stops after its page.
/// </summary>
internal sealed class TaskAndCase
{
    public required TaskRecord Task { get; init; }
    public required InstanceRecord Case { get; init; }
    public required bool SortUndated { get; init; }
    public required DateTimeOffset? SortDueAt { get; init; }
    public required DateTimeOffset SortCreatedAt { get; init; }
    public required Guid SortId { get; init; }
}
