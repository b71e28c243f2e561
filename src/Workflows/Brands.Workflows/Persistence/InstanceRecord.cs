namespace Brands.Workflows.Persistence;

/// <summary>A process instance. The token tree and scope variables live in <see cref="StateJson"/>.</summary>
public sealed class InstanceRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public InstanceRecord Clone() => (InstanceRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionKey { get; init; }
    public required int DefinitionVersion { get; init; }
    public string? BusinessKey { get; set; }
    public required string Status { get; set; }
    /// <summary>Set for instances started by a call activity.</summary>
    public Guid? ParentInstanceId { get; init; }
    public string? ParentTokenId { get; init; }
    public Guid RootInstanceId { get; init; }
    /// <summary>The case-level (root scope) variables as a JSON object; jsonb on PostgreSQL.</summary>
    public required string VariablesJson { get; set; }
    /// <summary>Tokens, child scopes and their local variables, as the engine serialises them.</summary>
    public required string StateJson { get; set; }
    public string? CaseType { get; set; }
    public string? OrganisationCode { get; set; }
    public string? Province { get; set; }
    public int? Year { get; set; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Optimistic concurrency: incremented by every commit that changes the instance.</summary>
    public long Version { get; set; }
}
