using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Forms;

/// <summary>The <c>forms</c> table; its schema comes from the host's migration 0020_forms.sql, not from EF.</summary>
internal sealed class FormsDbContext(DbContextOptions<FormsDbContext> options) : DbContext(options)
{
    public DbSet<StoredForm> Forms => Set<StoredForm>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<StoredForm>(b =>
        {
            b.ToTable("forms");
            b.HasKey(f => new { f.FormId, f.Version });
            b.Property(f => f.FormId).HasColumnName("form_id");
            b.Property(f => f.Version).HasColumnName("version");
            b.Property(f => f.SchemaJson).HasColumnName("schema_json");
            b.Property(f => f.SavedBy).HasColumnName("saved_by");
            b.Property(f => f.SavedAt).HasColumnName("saved_at");
        });
}
