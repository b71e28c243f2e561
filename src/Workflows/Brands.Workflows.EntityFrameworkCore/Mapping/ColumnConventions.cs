using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Brands.Workflows.EntityFrameworkCore.Mapping;

/// <summary>Column names and instant storage shared by every table of the model.</summary>
internal static class ColumnConventions
{
    /// <summary>
    /// SQLite has no instant type, and EF Core cannot compare or order <see cref="DateTimeOffset"/> there, so
    /// instants are stored as UTC ticks (INTEGER): <c>due_at &lt;= @now</c> and <c>ORDER BY</c> then work.
    /// </summary>
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    /// <summary>Npgsql writes only offset zero to timestamptz; the engine may hand us local offsets.</summary>
    public static readonly ValueConverter<DateTimeOffset, DateTimeOffset> ToUtc =
        new(v => v.ToUniversalTime(), v => v);

    public static void Apply(ModelBuilder modelBuilder, bool isPostgreSql)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
                {
                    property.SetValueConverter(isPostgreSql ? ToUtc : UtcTicks);
                }
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"{(index.IsUnique ? "ux" : "ix")}_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }
    }

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
