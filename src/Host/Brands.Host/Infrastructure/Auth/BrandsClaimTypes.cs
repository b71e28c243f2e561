namespace Brands.Host.Infrastructure.Auth;

/// <summary>Claims the host puts in a signed-in user's token (see <see cref="BrandsClaimsPrincipalFactory"/>).</summary>
internal static class BrandsClaimTypes
{
    public const string Organisation = "brands:organisation";
    public const string Province = "brands:province";
    /// <summary>A group given at provisioning, stored as a user claim; derived groups are not stored (see <see cref="GroupNames"/>).</summary>
    public const string Group = "brands:group";
    public const string MustChangePassword = "brands:must-change-password";
}
