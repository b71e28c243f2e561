using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Outside production, creates the user <c>admin</c> (role national-admin) with the password in
/// <c>Seed:AdminPassword</c> when that key is set and the user does not exist yet.
/// </summary>
/// <remarks>
/// Several nodes may start at once on one database: a node that loses the race to insert the role or the user
/// finds the winner's row and carries on.
/// </remarks>
internal sealed class AdminSeeder(
    BrandsIdentityDbContext dbContext,
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

        try
        {
            if (!await roles.RoleExistsAsync(Roles.NationalAdmin))
            {
                Check(await roles.CreateAsync(new IdentityRole(Roles.NationalAdmin)));
            }
        }
        catch (DbUpdateException)
        {
            if (!await RoleExistsAfterRaceAsync())
            {
                throw;
            }
        }

        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return;
        }

        var admin = new IdentityUser(AdminUserName);
        try
        {
            Check(await users.CreateAsync(admin, password));
        }
        catch (DbUpdateException)
        {
            if (await UserExistsAfterRaceAsync())
            {
                return;
            }

            throw;
        }

        Check(await users.AddToRoleAsync(admin, Roles.NationalAdmin));
        logger.LogInformation("Created the development administrator '{UserName}'", AdminUserName);
    }

    private async Task<bool> RoleExistsAfterRaceAsync()
    {
        dbContext.ChangeTracker.Clear();
        return await roles.RoleExistsAsync(Roles.NationalAdmin);
    }

    private async Task<bool> UserExistsAfterRaceAsync()
    {
        dbContext.ChangeTracker.Clear();
        return await users.FindByNameAsync(AdminUserName) is not null;
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
