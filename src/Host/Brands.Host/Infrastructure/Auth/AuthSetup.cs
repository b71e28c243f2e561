using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>Identity users and roles, bearer tokens for the API, cookies for the pages, the password policy and sign-in throttling.</summary>
internal static class AuthSetup
{
    /// <summary>Picks the bearer handler when the request carries an Authorization header, else the cookie.</summary>
    public const string BearerOrCookieScheme = "BearerOrCookie";

    /// <summary>Proxies whose X-Forwarded-For is believed, as CIDR networks (loopback always is).</summary>
    public const string KnownProxyNetworksKey = "ForwardedHeaders:KnownProxyNetworks";

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<BrandsUser>(options =>
            {
                // No lockout: a stranger must not be able to lock an account by failing on purpose. Failed
                // sign-ins are slowed down by SignInThrottle instead.
                options.Lockout.AllowedForNewUsers = false;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 5;
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BrandsIdentityDbContext>()
            .AddClaimsPrincipalFactory<BrandsClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(BearerOrCookieScheme)
            .AddPolicyScheme(BearerOrCookieScheme, BearerOrCookieScheme, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                // The API and its description answer 401/403 instead of redirecting to a sign-in page.
                options.Events.OnRedirectToLogin = context => RejectApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => RejectApiOrRedirect(context, StatusCodes.Status403Forbidden);
            }));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.NationalAdmin));

        services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection(SignInThrottleOptions.SectionName));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in builder.Configuration.GetSection(KnownProxyNetworksKey).Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddDataProtection().SetApplicationName("Brands.Workflow").ProtectKeysAtRest(builder.Configuration);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new DatabaseKeyRepository(provider.GetRequiredService<IServiceScopeFactory>())));
        services.AddScoped<SignInThrottle>();
        services.AddScoped<IdentitySeeding>();
        services.AddScoped<AdminSeeder>();
        return builder;
    }

    /// <summary>The client a sign-in attempt comes from, for throttling: its address (after trusted proxies).</summary>
    public static string ClientOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();

    private static Task RejectApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
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
