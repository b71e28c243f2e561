using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Adds the user's organisation, its province and the must-change-password mark to the claims Identity puts in
/// the token (roles and the stored group claims are added by the base class). They are read at sign-in: a change
/// of organisation or roles applies from the user's next sign-in.
/// </summary>
internal sealed class BrandsClaimsPrincipalFactory(
    UserManager<BrandsUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    BrandsIdentityDbContext dbContext)
    : UserClaimsPrincipalFactory<BrandsUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BrandsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationCode is { } code)
        {
            identity.AddClaim(new Claim(BrandsClaimTypes.Organisation, code));
            var organisation = await dbContext.Organisations.FindAsync(code);
            if (organisation is not null)
            {
                identity.AddClaim(new Claim(BrandsClaimTypes.Province, organisation.Province));
            }
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(BrandsClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
