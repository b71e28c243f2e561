using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Calendar;

/// <summary>The business calendars table; its schema comes from the host's migration 0010_calendars.sql, not from EF.</summary>
internal sealed class CalendarDbContext(DbContextOptions<CalendarDbContext> options) : DbContext(options)
{
    public DbSet<BusinessCalendarRow> Calendars => Set<BusinessCalendarRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var row = modelBuilder.Entity<BusinessCalendarRow>();
        row.ToTable("host_business_calendars");
        row.HasKey(r => r.Year);
        row.Property(r => r.Year).HasColumnName("year").ValueGeneratedNever();
        row.Property(r => r.Document).HasColumnName("document");
        row.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        row.Property(r => r.UpdatedBy).HasColumnName("updated_by");
    }
}
