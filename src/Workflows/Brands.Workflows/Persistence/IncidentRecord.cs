namespace Brands.Workflows.Persistence;

public sealed class IncidentRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public IncidentRecord Clone() => (IncidentRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required Guid InstanceId { get; init; }
    public Guid? JobId { get; init; }
    public required string ElementId { get; init; }
    /// <summary>failed-job, script, expression.</summary>
    public required string Kind { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
