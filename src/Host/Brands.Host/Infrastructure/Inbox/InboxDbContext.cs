using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Inbox;

/// <summary>Comments and saved filters; the schema comes from the host's migration 0030_inbox.sql, not from EF.</summary>
internal sealed class InboxDbContext(DbContextOptions<InboxDbContext> options) : DbContext(options)
{
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Comment>(b =>
        {
            b.ToTable("host_comments");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).HasColumnName("id").ValueGeneratedOnAdd();
            b.Property(c => c.CaseId).HasColumnName("case_id");
            b.Property(c => c.TaskId).HasColumnName("task_id");
            b.Property(c => c.TaskName).HasColumnName("task_name");
            b.Property(c => c.Author).HasColumnName("author");
            b.Property(c => c.Body).HasColumnName("body");
            b.Property(c => c.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<SavedFilter>(b =>
        {
            b.ToTable("host_saved_filters");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).HasColumnName("id").ValueGeneratedOnAdd();
            b.Property(f => f.Owner).HasColumnName("owner");
            b.Property(f => f.Name).HasColumnName("name");
            b.Property(f => f.SharedGroup).HasColumnName("shared_group");
            b.Property(f => f.Query).HasColumnName("query");
            b.Property(f => f.CreatedAt).HasColumnName("created_at");
        });
    }
}
