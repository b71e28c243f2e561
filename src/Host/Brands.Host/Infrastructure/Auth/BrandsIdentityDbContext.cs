using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>Users, roles and their claims, in the same database as the workflow store.</summary>
/// <remarks>The schema is created by the hand-written scripts in Infrastructure/Persistence/Migrations, not by EF.</remarks>
internal sealed class BrandsIdentityDbContext(DbContextOptions<BrandsIdentityDbContext> options)
    : IdentityDbContext<IdentityUser, IdentityRole, string>(options);
