using System.Text.Encodings.Web;
using System.Text.Unicode;
using Brands.Host.Infrastructure.Designer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;

namespace Brands.Host.Infrastructure.Pages;

/// <summary>
/// The Razor pages (Pages/): the case view at <c>/cases/{id}</c> and document uploads from pages, in the visitor's
/// language (<see cref="UiLanguage"/>). A visitor who is not signed in is sent to sign in and brought back.
/// </summary>
internal static class PagesSetup
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.Conventions.ConfigureFilter(new PasswordChangePageFilter()));
        // Chinese text goes out as text, not as numeric character references (Razor encodes only Basic Latin by default).
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            options.LoginPath = DesignerSetup.SignInPath;
            options.ReturnUrlParameter = "returnUrl";
        });
        return builder;
    }

    public static WebApplication UsePages(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            UiLanguage.RememberChoice(context);
            return next(context);
        });
        app.MapRazorPages();
        return app;
    }
}
