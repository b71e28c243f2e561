namespace Brands.Host.Infrastructure.ElementTemplates;

/// <summary>A text in Chinese (the default) and English, as the designer shows it in either language.</summary>
internal sealed record LocalizedText(string ZhCn, string En)
{
    /// <summary>The text for <paramref name="language"/>: English for <c>en</c> (and <c>en-…</c>), Chinese otherwise.</summary>
    public string In(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : ZhCn;
}
