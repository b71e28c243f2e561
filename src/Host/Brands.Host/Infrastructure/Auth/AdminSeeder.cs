using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// At start-up: the roles and the national office; in Development only, the user <c>admin</c> with the password
/// in <c>Seed:AdminPassword</c>; in any environment, the first national administrator from <c>Bootstrap:*</c> when
/// no national administrator exists yet (README, "Production start"), who must change the password at first sign-in.
/// </summary>
/// <remarks>Several nodes may start at once on one database: <see cref="IdentitySeeding"/> settles the races.</remarks>
internal sealed class AdminSeeder(
    IdentitySeeding seeding,
    UserManager<BrandsUser> users,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<AdminSeeder> logger)
{
    public const string PasswordKey = "Seed:AdminPassword";
    public const string AdminUserName = "admin";
    public const string BootstrapUserNameKey = "Bootstrap:AdminUserName";
    public const string BootstrapPasswordKey = "Bootstrap:AdminPassword";
    public const string BootstrapEmailKey = "Bootstrap:AdminEmail";

    public async Task SeedAsync()
    {
        await seeding.EnsureRolesAsync();
        await seeding.EnsureNationalOfficeAsync();

        var developmentPassword = configuration[PasswordKey];
        if (!string.IsNullOrEmpty(developmentPassword))
        {
            if (environment.IsDevelopment())
            {
                if (await seeding.CreateNationalAdminAsync(AdminUserName, developmentPassword, null, mustChangePassword: false))
                {
                    logger.LogInformation("Created the development administrator '{UserName}'", AdminUserName);
                }
            }
            else
            {
                logger.LogWarning("{Key} is ignored outside Development; use {BootstrapKey}", PasswordKey, BootstrapPasswordKey);
            }
        }

        await BootstrapFirstAdministratorAsync();
    }

    private async Task BootstrapFirstAdministratorAsync()
    {
        var password = configuration[BootstrapPasswordKey];
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        var userName = configuration[BootstrapUserNameKey];
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new InvalidOperationException($"{BootstrapPasswordKey} is set but {BootstrapUserNameKey} is not.");
        }

        if ((await users.GetUsersInRoleAsync(Roles.NationalAdmin)).Count > 0)
        {
            logger.LogInformation("A national administrator exists: {Key} is not used again (remove it from the configuration)", BootstrapPasswordKey);
            return;
        }

        if (await seeding.CreateNationalAdminAsync(userName, password, configuration[BootstrapEmailKey], mustChangePassword: true))
        {
            logger.LogWarning("Created the first national administrator '{UserName}'; the password must be changed at first sign-in", userName);
        }
    }
}
