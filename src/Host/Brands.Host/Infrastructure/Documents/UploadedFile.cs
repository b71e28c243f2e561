namespace Brands.Host.Infrastructure.Documents;

/// <summary>One file as it arrived: the name the uploader gave and its bytes.</summary>
internal sealed record UploadedFile(string? FileName, byte[] Content);
