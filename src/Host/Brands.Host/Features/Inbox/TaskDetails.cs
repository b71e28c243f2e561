using System.Text.Json.Nodes;

namespace Brands.Host.Features.Inbox;

/// <summary>What the task page shows: the task, a summary of its case, its form and what the user may do.</summary>
internal sealed record TaskDetails
{
    public required Guid TaskId { get; init; }
    public required Guid CaseId { get; init; }
    public string? Name { get; init; }
    public required string ElementId { get; init; }
    public string? Assignee { get; init; }
    public string? CandidateUsers { get; init; }
    public string? CandidateGroups { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public int Priority { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string State { get; init; }
    public DueState Due { get; init; }

    public required string DefinitionKey { get; init; }
    public int DefinitionVersion { get; init; }
    public string? ProcessName { get; init; }
    public string? BusinessKey { get; init; }
    public required string CaseStatus { get; init; }
    public DateTimeOffset CaseStartedAt { get; init; }
    public string? Province { get; init; }
    public string? OrganisationName { get; init; }
    public string? ApplicantName { get; init; }
    /// <summary>The names of the case's open tasks: where it waits now.</summary>
    public IReadOnlyList<string> WaitingAt { get; init; } = [];

    /// <summary><c>camunda:formRef</c>; null when the task has no form.</summary>
    public string? FormRef { get; init; }
    /// <summary>The latest saved schema of the form; null when the task has none or it was never saved.</summary>
    public JsonObject? FormSchema { get; init; }
    /// <summary>The case's values of the form's fields, to fill the form with.</summary>
    public JsonObject FormData { get; init; } = [];

    public bool MayClaim { get; init; }
    public bool MayUnclaim { get; init; }
    public bool MayAssign { get; init; }
    public bool MayComplete { get; init; }
}
