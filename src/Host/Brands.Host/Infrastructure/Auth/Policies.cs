namespace Brands.Host.Infrastructure.Auth;

/// <summary>Authorisation policy names.</summary>
internal static class Policies
{
    /// <summary>Deploying definitions and administering cases, jobs and incidents.</summary>
    public const string Admin = "admin";
}
