using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Brands.Host.Infrastructure.Web;

/// <summary>The web app's two languages: Chinese by default, English when the language cookie says so.</summary>
internal static class UiLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The cookie the language switch writes (ASP.NET Core's own format, <c>c=en|uic=en</c>).</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static RequestLocalizationOptions Options()
    {
        var cultures = All.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        // Only the cookie: neither the query string nor the browser's Accept-Language picks the language.
        options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }];
        return options;
    }

    /// <summary>The language of the current request (the UI culture set by the localization middleware).</summary>
    public static string Current => CultureInfo.CurrentUICulture.Name == English ? English : Chinese;
}
