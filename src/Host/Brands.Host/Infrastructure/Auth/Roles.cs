namespace Brands.Host.Infrastructure.Auth;

/// <summary>Role names as stored in Identity (DESIGN §4).</summary>
internal static class Roles
{
    public const string NationalAdmin = "national-admin";
}
