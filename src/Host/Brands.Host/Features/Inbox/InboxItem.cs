namespace Brands.Host.Features.Inbox;

/// <summary>One row of the inbox: the task, its case, how its dates stand, and what the user may do with it.</summary>
internal sealed record InboxItem
{
    public Guid TaskId { get; init; }
    public Guid CaseId { get; init; }
    public string? Name { get; init; }
    public string ElementId { get; init; } = "";
    public string DefinitionKey { get; init; } = "";
    public string? BusinessKey { get; init; }
    public string? Assignee { get; init; }
    public string? CandidateGroups { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public int Priority { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? Province { get; init; }
    public string? OrganisationCode { get; init; }
    /// <summary>The case variable <c>applicantName</c>, or the name of the organisation that owns the case.</summary>
    public string? ApplicantName { get; init; }
    public DueState Due { get; init; }
    public bool FollowUpReached { get; init; }
    public bool MayClaim { get; init; }
    public bool MayUnclaim { get; init; }
    public bool MayAssign { get; init; }
}
