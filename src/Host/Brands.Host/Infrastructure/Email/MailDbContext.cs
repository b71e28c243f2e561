using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Users' mail settings and the digest's collected notifications; the schema comes from the host's migration
/// 0050_mail.sql, not from EF. Instants are UTC ticks on SQLite (so they compare in queries), timestamptz on PostgreSQL.
/// </summary>
internal sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    public DbSet<NotificationSetting> Settings => Set<NotificationSetting>();

    public DbSet<DigestItem> DigestItems => Set<DigestItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NotificationSetting>(b =>
        {
            b.ToTable("notification_settings");
            b.HasKey(s => s.UserName);
            b.Property(s => s.UserName).HasColumnName("user_name");
            b.Property(s => s.Language).HasColumnName("language");
            b.Property(s => s.Delivery).HasColumnName("delivery");
            b.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<DigestItem>(b =>
        {
            b.ToTable("mail_digest_items");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(i => i.OutboxId).HasColumnName("outbox_id");
            b.Property(i => i.UserName).HasColumnName("user_name");
            b.Property(i => i.Title).HasColumnName("title");
            b.Property(i => i.Link).HasColumnName("link");
            b.Property(i => i.CreatedAt).HasColumnName("created_at");
            b.Property(i => i.LeaseOwner).HasColumnName("lease_owner");
            b.Property(i => i.LeaseExpiresAt).HasColumnName("lease_expires_at");
            b.Property(i => i.SentAt).HasColumnName("sent_at");
        });

        var isPostgreSql = Database.IsNpgsql();
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(isPostgreSql ? ToUtc : UtcTicks);
            }
        }
    }

    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> ToUtc = new(v => v.ToUniversalTime(), v => v);
}
