using System.Security.Claims;
using Brands.Host.Infrastructure.Auth;

namespace Brands.Host.Infrastructure.Access;

/// <summary>The signed-in user of the current request as <see cref="UserAccess"/>, read from the token's claims.</summary>
internal sealed class AccessScope(IHttpContextAccessor httpContextAccessor)
{
    private UserAccess? _user;

    public UserAccess User => _user ??= FromPrincipal(
        httpContextAccessor.HttpContext?.User ?? throw new InvalidOperationException("No request is being handled."));

    private static UserAccess FromPrincipal(ClaimsPrincipal principal) =>
        new(principal.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated."),
            [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            principal.FindFirstValue(BrandsClaimTypes.Organisation),
            principal.FindFirstValue(BrandsClaimTypes.Province),
            principal.FindAll(BrandsClaimTypes.Group).Select(c => c.Value));
}
