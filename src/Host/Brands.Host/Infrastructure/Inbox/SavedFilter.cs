namespace Brands.Host.Infrastructure.Inbox;

/// <summary>An inbox filter saved under a name: the owner's own, or shared with every member of one group.</summary>
internal sealed class SavedFilter
{
    public long Id { get; init; }
    public required string Owner { get; init; }
    public required string Name { get; init; }
    /// <summary>The group that sees it too; null for a personal filter.</summary>
    public string? SharedGroup { get; set; }
    /// <summary>The inbox's query string (<c>tab=group&amp;province=ZJ</c>), written from a checked filter only.</summary>
    public required string Query { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
