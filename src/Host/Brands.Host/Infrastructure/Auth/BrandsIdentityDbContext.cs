using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>Users, roles, organisations, sign-in throttling and the data-protection key ring, in the same database as the workflow store.</summary>
/// <remarks>The schema is created by the hand-written scripts in Infrastructure/Persistence/Migrations, not by EF.</remarks>
internal sealed class BrandsIdentityDbContext(DbContextOptions<BrandsIdentityDbContext> options)
    : IdentityDbContext<BrandsUser, IdentityRole, string>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<SignInThrottleEntry> SignInThrottle => Set<SignInThrottleEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Organisation>(b =>
        {
            b.ToTable("organisations");
            b.HasKey(o => o.Code);
            b.Property(o => o.Code).HasColumnName("code");
            b.Property(o => o.Name).HasColumnName("name");
            b.Property(o => o.Kind).HasColumnName("kind");
            b.Property(o => o.Province).HasColumnName("province");
            b.Property(o => o.CreatedAt).HasColumnName("created_at");
        });
        builder.Entity<SignInThrottleEntry>(b =>
        {
            b.ToTable("sign_in_throttle");
            b.HasKey(e => e.Key);
            b.Property(e => e.Key).HasColumnName("key");
            b.Property(e => e.Failures).HasColumnName("failures");
            b.Property(e => e.LastFailureAt).HasColumnName("last_failure_at");
        });
        builder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).HasColumnName("id");
            b.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            b.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
