using System.Security.Claims;

namespace Brands.Host.Infrastructure.Api;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's name, which BPMN assignees and candidate users refer to.</summary>
    public static string UserName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated.");

    /// <summary>The user's groups for candidate-group matching; for now, the user's roles.</summary>
    public static IReadOnlyList<string> Groups(this ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimTypes.Role).Select(claim => claim.Value)];
}
