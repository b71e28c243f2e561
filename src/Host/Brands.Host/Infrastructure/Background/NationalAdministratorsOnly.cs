using Brands.Host.Infrastructure.Auth;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// The Hangfire Dashboard is for national administrators (the <see cref="Policies.Admin"/> policy), signed in by
/// cookie or bearer token; Hangfire answers 401 to anonymous visitors and 403 to every other user.
/// </summary>
internal sealed class NationalAdministratorsOnly : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, Policies.Admin)).Succeeded;
    }
}
