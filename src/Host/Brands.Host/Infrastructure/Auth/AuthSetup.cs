using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>Identity users and roles, bearer tokens for the API, cookies for the pages.</summary>
internal static class AuthSetup
{
    /// <summary>Picks the bearer handler when the request carries an Authorization header, else the cookie.</summary>
    public const string BearerOrCookieScheme = "BearerOrCookie";

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BrandsIdentityDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(BearerOrCookieScheme)
            .AddPolicyScheme(BearerOrCookieScheme, BearerOrCookieScheme, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                // The API answers 401/403 instead of redirecting to a sign-in page.
                options.Events.OnRedirectToLogin = context => RejectApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RejectApiOrRedirect(context, StatusCodes.Status403Forbidden);
            }));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.NationalAdmin));

        services.AddScoped<AdminSeeder>();
        return builder;
    }

    private static Task RejectApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = statusCode;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
