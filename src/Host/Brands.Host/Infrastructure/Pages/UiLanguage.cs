namespace Brands.Host.Infrastructure.Pages;

/// <summary>
/// The pages' language: Chinese (zh-CN) unless the visitor chose English, by <c>?lang=en</c> (remembered in the
/// <see cref="CookieName"/> cookie) or that cookie alone.
/// </summary>
internal static class UiLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string CookieName = "brands.language";
    public const string QueryName = "lang";

    public static string Of(HttpContext context)
    {
        var chosen = context.Request.Query[QueryName].FirstOrDefault() ?? context.Request.Cookies[CookieName];
        return string.Equals(chosen, English, StringComparison.OrdinalIgnoreCase) ? English : Chinese;
    }

    /// <summary>Remembers a language chosen with <c>?lang=</c> for the next pages.</summary>
    public static void RememberChoice(HttpContext context)
    {
        if (context.Request.Query[QueryName].FirstOrDefault() is { } chosen
            && (string.Equals(chosen, English, StringComparison.OrdinalIgnoreCase) || string.Equals(chosen, Chinese, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Cookies.Append(CookieName, Of(context), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
    }
}
