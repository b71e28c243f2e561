namespace Brands.Workflows.Runtime;

/// <summary>The jobs a node holds in one run: acquired and not yet done. Their leases are renewed while they wait and run.</summary>
internal sealed class HeldJobs
{
    private readonly HashSet<Guid> _ids = [];

    public void Add(IEnumerable<Guid> ids)
    {
        lock (_ids)
        {
            _ids.UnionWith(ids);
        }
    }

    public void Release(Guid id)
    {
        lock (_ids)
        {
            _ids.Remove(id);
        }
    }

    public IReadOnlyCollection<Guid> Snapshot()
    {
        lock (_ids)
        {
            return [.. _ids];
        }
    }
}
