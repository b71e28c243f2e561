namespace Brands.Host.Infrastructure.Inbox;

/// <summary>A plain-text comment on a case, written on one of its tasks or on the case itself.</summary>
internal sealed class Comment
{
    public long Id { get; init; }
    public required Guid CaseId { get; init; }
    public Guid? TaskId { get; init; }
    /// <summary>The task's name when the comment was written, so the list still says where it was made after the task ends.</summary>
    public string? TaskName { get; init; }
    public required string Author { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
