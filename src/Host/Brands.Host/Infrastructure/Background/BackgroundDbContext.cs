using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Background;

/// <summary>The <c>background_runs</c> table; its schema comes from the host's migration 0060_background.sql, not from EF.</summary>
internal sealed class BackgroundDbContext(DbContextOptions<BackgroundDbContext> options) : DbContext(options)
{
    public DbSet<BackgroundRun> Runs => Set<BackgroundRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<BackgroundRun>(b =>
        {
            b.ToTable("background_runs");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).HasColumnName("id");
            b.Property(r => r.Job).HasColumnName("job");
            b.Property(r => r.Node).HasColumnName("node");
            b.Property(r => r.StartedAt).HasColumnName("started_at");
            b.Property(r => r.FinishedAt).HasColumnName("finished_at");
            b.Property(r => r.Found).HasColumnName("found");
            b.Property(r => r.Details).HasColumnName("details");
        });
}
