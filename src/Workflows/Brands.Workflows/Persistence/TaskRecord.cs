namespace Brands.Workflows.Persistence;

public sealed class TaskRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public TaskRecord Clone() => (TaskRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public required string DefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    /// <summary>
    /// The case's owning organisation and province (<see cref="CaseAttributes"/>), copied when the task is created so
    /// a host can list the tasks a user may see from the task table and its indexes alone.
    /// </summary>
    public string? OrganisationCode { get; init; }
    public string? Province { get; init; }
    public required string ElementId { get; init; }
    public required string TokenId { get; init; }
    public string? Name { get; init; }
    public string? Assignee { get; set; }
    /// <summary>Comma-separated user names.</summary>
    public string? CandidateUsers { get; set; }
    /// <summary>Comma-separated group names.</summary>
    public string? CandidateGroups { get; set; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? FollowUpAt { get; init; }
    public int Priority { get; init; }
    public string? FormRef { get; init; }
    public string? FormRefBinding { get; init; }
    public required string State { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? CompletedBy { get; set; }
    public long Version { get; set; }
}
