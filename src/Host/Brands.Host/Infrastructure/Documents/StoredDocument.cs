namespace Brands.Host.Infrastructure.Documents;

/// <summary>A file uploaded to a case, or to one of its tasks (then <see cref="TaskId"/> is set too).</summary>
internal sealed class StoredDocument
{
    public required Guid Id { get; init; }
    public required Guid CaseId { get; init; }
    public Guid? TaskId { get; init; }
    /// <summary>The name as the uploader gave it, cleaned by <see cref="DocumentFileName.Clean"/>; data, never markup.</summary>
    public required string FileName { get; init; }
    /// <summary>The media type found in the content (<see cref="DocumentContentCheck"/>), not the one the browser sent.</summary>
    public required string ContentType { get; init; }
    public required long SizeBytes { get; init; }
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
}
