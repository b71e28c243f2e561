using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Outside production, creates the user <c>admin</c> (role national-admin) with the password in
/// <c>Seed:AdminPassword</c> when that key is set and the user does not exist yet.
/// </summary>
internal sealed class AdminSeeder(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<AdminSeeder> logger)
{
    public const string PasswordKey = "Seed:AdminPassword";
    public const string AdminUserName = "admin";

    public async Task SeedAsync()
    {
        var password = configuration[PasswordKey];
        if (string.IsNullOrEmpty(password) || environment.IsProduction())
        {
            return;
        }

        if (!await roles.RoleExistsAsync(Roles.NationalAdmin))
        {
            Check(await roles.CreateAsync(new IdentityRole(Roles.NationalAdmin)));
        }

        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return;
        }

        var admin = new IdentityUser(AdminUserName);
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.NationalAdmin));
        logger.LogInformation("Created the development administrator '{UserName}'", AdminUserName);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding the administrator failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
