namespace Brands.Host.Infrastructure.Documents;

/// <summary>Configuration section <c>Documents</c> (README "Documents").</summary>
internal sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>The largest file accepted, in bytes: 20 MB unless configured (<c>Documents:MaxBytes</c>).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
