using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Access;

/// <summary>An open task joined with its case, as the scoped task queries filter them.</summary>
internal sealed class TaskAndCase
{
    public required TaskRecord Task { get; init; }
    public required InstanceRecord Case { get; init; }
}
