using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>An Identity user who belongs to an organisation (and so to its province).</summary>
internal sealed class BrandsUser : IdentityUser
{
    public BrandsUser()
    {
    }

    public BrandsUser(string userName)
        : base(userName)
    {
    }

    public string? DisplayName { get; set; }

    public string? OrganisationCode { get; set; }

    /// <summary>Set for a first administrator created from configuration: every call but changing the password is refused.</summary>
    public bool MustChangePassword { get; set; }
}
