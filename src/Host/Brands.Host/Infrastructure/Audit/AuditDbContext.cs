using Brands.Host.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Audit;

/// <summary>The <c>audit_log</c> table; its schema comes from the host's migration 0040_documents.sql, not from EF.</summary>
internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_log");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
            b.Property(e => e.At).HasColumnName("at")
                .HasConversion(InstantColumns.For(Database));
            b.Property(e => e.UserName).HasColumnName("user_name");
            b.Property(e => e.Action).HasColumnName("action");
            b.Property(e => e.Outcome).HasColumnName("outcome");
            b.Property(e => e.Client).HasColumnName("client");
            b.Property(e => e.Target).HasColumnName("target");
            b.Property(e => e.OnBehalfOf).HasColumnName("on_behalf_of");
            b.Property(e => e.Detail).HasColumnName("detail");
        });
}
