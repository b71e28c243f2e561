namespace Brands.Host.Infrastructure.Documents;

/// <summary>A document without its content, as lists show it.</summary>
internal sealed record DocumentSummary(
    Guid Id, Guid CaseId, Guid? TaskId, string FileName, string ContentType, long SizeBytes, string UploadedBy, DateTimeOffset UploadedAt)
{
    public string DownloadUrl => $"/api/documents/{Id}";
}
