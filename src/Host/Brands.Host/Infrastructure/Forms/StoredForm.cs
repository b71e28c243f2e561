namespace Brands.Host.Infrastructure.Forms;

/// <summary>One version of a form-js schema (README "Forms").</summary>
internal sealed class StoredForm
{
    public required string FormId { get; init; }
    public required int Version { get; init; }
    /// <summary>The schema as saved, compacted JSON.</summary>
    public required string SchemaJson { get; init; }
    public required string SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
}
