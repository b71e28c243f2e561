using Brands.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Brands.Host.Infrastructure.Designer;

/// <summary>
/// Serves the designer (README "The designer"): the bundle that src/Designer builds into wwwroot/designer.
/// The script and style files under <c>/designer/assets</c> are public, as any bundle is; the page
/// <c>/designer</c> is for administrators only: anonymous visitors are sent to <c>/designer/sign-in</c>, other
/// users get 403.
/// </summary>
internal static class DesignerSetup
{
    public const string PagePath = "/designer";
    public const string SignInPath = "/designer/sign-in";
    /// <summary>The form editor (README "Forms"), for administrators like the designer.</summary>
    public const string FormsPath = "/designer/forms";

    public static WebApplication UseDesigner(this WebApplication app)
    {
        var bundle = new DesignerBundle(Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "designer"));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = bundle.Assets,
            RequestPath = PagePath + "/assets",
        });

        MapAdministratorPage(app, bundle, PagePath, "designer.html");
        MapAdministratorPage(app, bundle, FormsPath, "forms.html");

        app.MapGet(SignInPath, (HttpContext context) => bundle.Page(context, "sign-in.html"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static void MapAdministratorPage(WebApplication app, DesignerBundle bundle, string path, string page) =>
        app.MapGet(path, async (HttpContext context, IAuthorizationService authorization) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    return Results.Redirect($"{SignInPath}?returnUrl={Uri.EscapeDataString(path)}");
                }

                if (!(await authorization.AuthorizeAsync(context.User, Policies.Admin)).Succeeded)
                {
                    return Results.Problem("The designer is for administrators.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
                }

                return bundle.Page(context, page);
            })
            .ExcludeFromDescription();
}
