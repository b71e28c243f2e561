namespace Brands.Host.Infrastructure.Pages;

/// <summary>The pages' text in the visitor's language: English templates looked up in <see cref="UiTextZhCn"/> for Chinese, falling back to the template.</summary>
internal sealed class UiText(string language)
{
    public string Language { get; } = language;

    public string this[string english] =>
        Language == UiLanguage.Chinese && UiTextZhCn.Texts.TryGetValue(english, out var chinese) ? chinese : UiTextEn.Of(english);

    public static UiText For(HttpContext context) => new(UiLanguage.Of(context));
}
