using Brands.Host.Infrastructure.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Brands.Host.Pages;

/// <summary>The language switch: remembers zh-CN or en in a cookie for a year and goes back to the page it was on.</summary>
internal sealed class LanguageModel(TimeProvider time) : WebPageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is null || !UiLanguage.All.Contains(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(UiLanguage.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Expires = time.GetUtcNow().AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
