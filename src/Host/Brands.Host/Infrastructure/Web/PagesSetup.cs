using Brands.Host.Infrastructure.Inbox;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Brands.Host.Infrastructure.Persistence;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;

namespace Brands.Host.Infrastructure.Web;

/// <summary>
/// The staff web app (README "Using the web app"): Razor Pages under Pages/, signed in with Identity's cookie,
/// every form protected by an antiforgery token, Chinese or English by a cookie, its own stylesheet under /app.
/// The root is the sign-in page; every other page needs a signed-in user.
/// </summary>
internal static class PagesSetup
{
    /// <summary>The web app's own static files (wwwroot/app): the stylesheet.</summary>
    public const string StaticPath = "/app";

    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.AllowAnonymousToPage("/Language");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<PasswordChangePageFilter>();
                options.Filters.Add<PageExceptionFilter>();
                options.Filters.Add<StatusPageFilter>();
            });
        // Chinese text stays readable in the HTML; markup characters (< > & " ') are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options => options.Cookie.Name = "brands.antiforgery");
        // Pages send a visitor who is not signed in to the root, the sign-in page (the API still answers 401).
        services.ConfigureApplicationCookie(options => options.LoginPath = "/");
        services.AddScoped(_ => new UiText(UiLanguage.Current));
        services.AddSingleton<PageCatalog>();

        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddDbContext<InboxDbContext>(settings.Configure);
        return builder;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseWhen(context => IsPage(context.Request.Path), web => web.UseRequestLocalization(UiLanguage.Options()));

        var folder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "app");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Directory.Exists(folder) ? new PhysicalFileProvider(folder) : new NullFileProvider(),
            RequestPath = StaticPath,
        });
        app.MapRazorPages();
        return app;
    }

    /// <summary>Everything but the API, its description, health checks, the designer and static files.</summary>
    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/designer", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments(StaticPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The user's password must be changed first (a first administrator from configuration).</summary>
    public static bool MustChangePassword(this HttpContext context) =>
        context.User.HasClaim(Auth.BrandsClaimTypes.MustChangePassword, "true");
}
