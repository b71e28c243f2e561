using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Creates roles, the national office and users at start-up so that several nodes may do it at once on one
/// database: a node that loses a race (a duplicate name reported by Identity's validators, or a unique key
/// violation from the database) finds the winner's row and carries on.
/// </summary>
internal sealed class IdentitySeeding(
    BrandsIdentityDbContext dbContext,
    UserManager<BrandsUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider timeProvider)
{
    public const string NationalOfficeCode = "CNIPA";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            var result = await TryAsync(() => roles.CreateAsync(new IdentityRole(role)));
            if (!result.Succeeded && !await AfterRaceAsync(() => roles.RoleExistsAsync(role)))
            {
                throw Failed($"creating role {role}", result);
            }
        }
    }

    public async Task EnsureNationalOfficeAsync()
    {
        if (await dbContext.Organisations.AnyAsync(o => o.Code == NationalOfficeCode))
        {
            return;
        }

        dbContext.Organisations.Add(new Organisation
        {
            Code = NationalOfficeCode,
            Name = "国家知识产权局",
            Kind = OrganisationKinds.NationalOffice,
            Province = Provinces.National,
            CreatedAt = timeProvider.GetUtcNow(),
        });
        try
        {
            await dbContext.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            if (!await AfterRaceAsync(() => dbContext.Organisations.AnyAsync(o => o.Code == NationalOfficeCode)))
            {
                throw;
            }
        }
        finally
        {
            dbContext.ChangeTracker.Clear();
        }
    }

    /// <summary>Creates a national administrator of the national office unless the user name is taken; true when this call created it.</summary>
    public async Task<bool> CreateNationalAdminAsync(string userName, string password, string? email, bool mustChangePassword)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return false;
        }

        var user = new BrandsUser(userName)
        {
            Email = email,
            DisplayName = userName,
            OrganisationCode = NationalOfficeCode,
            MustChangePassword = mustChangePassword,
        };
        var created = await TryAsync(() => users.CreateAsync(user, password));
        if (!created.Succeeded)
        {
            if (await AfterRaceAsync(async () => await users.FindByNameAsync(userName) is not null))
            {
                return false;
            }

            throw Failed($"creating the administrator '{userName}'", created);
        }

        var added = await users.AddToRoleAsync(user, Roles.NationalAdmin);
        return added.Succeeded ? true : throw Failed($"giving '{userName}' the role {Roles.NationalAdmin}", added);
    }

    /// <summary>Identity reports a name taken by a validator (a result) or by the database (an exception): both as a failed result.</summary>
    private static async Task<IdentityResult> TryAsync(Func<Task<IdentityResult>> create)
    {
        try
        {
            return await create();
        }
        catch (DbUpdateException exception)
        {
            return IdentityResult.Failed(new IdentityError { Code = "DatabaseRefused", Description = exception.InnerException?.Message ?? exception.Message });
        }
    }

    private async Task<bool> AfterRaceAsync(Func<Task<bool>> exists)
    {
        dbContext.ChangeTracker.Clear();
        return await exists();
    }

    private static InvalidOperationException Failed(string what, IdentityResult result) =>
        new($"Seeding failed {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
}
