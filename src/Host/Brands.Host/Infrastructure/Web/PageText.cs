namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// The case view's and document pages' text by English template: looked up in <see cref="PageTextZhCn"/> for Chinese,
/// falling back to the template; the request's language as <see cref="UiText"/> has it (<see cref="UiLanguage"/>).
/// </summary>
internal sealed class PageText(string language)
{
    public string Language { get; } = language;

    public string this[string english] =>
        Language == UiLanguage.Chinese && PageTextZhCn.Texts.TryGetValue(english, out var chinese) ? chinese : PageTextEn.Of(english);

    public static PageText For(HttpContext context) => new(UiLanguage.Current);
}
