using Brands.Host.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Documents;

/// <summary>The <c>documents</c> table; its schema comes from the host's migration 0040_documents.sql, not from EF.</summary>
internal sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options)
{
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<StoredDocument>(b =>
        {
            b.ToTable("documents");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).HasColumnName("id");
            b.Property(d => d.CaseId).HasColumnName("case_id");
            b.Property(d => d.TaskId).HasColumnName("task_id");
            b.Property(d => d.FileName).HasColumnName("file_name");
            b.Property(d => d.ContentType).HasColumnName("content_type");
            b.Property(d => d.SizeBytes).HasColumnName("size_bytes");
            b.Property(d => d.Sha256).HasColumnName("sha256");
            b.Property(d => d.Content).HasColumnName("content");
            b.Property(d => d.UploadedBy).HasColumnName("uploaded_by");
            b.Property(d => d.UploadedAt).HasColumnName("uploaded_at")
                .HasConversion(InstantColumns.For(Database));
        });
}
