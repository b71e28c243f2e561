namespace Brands.Workflows.Versioning;

/// <summary>How an element differs between two versions of a process.</summary>
public enum ElementChangeKind
{
    Added,
    Removed,
    Changed,
}
