using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Brands.Host.Infrastructure.Persistence;

/// <summary>
/// How the host's newer tables store instants, as the engine's do: timestamptz in UTC on PostgreSQL (Npgsql writes
/// only offset zero), UTC ticks on SQLite (INTEGER), where EF Core cannot compare or order <see cref="DateTimeOffset"/>.
/// </summary>
internal static class InstantColumns
{
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> ToUtc = new(v => v.ToUniversalTime(), v => v);

    public static ValueConverter For(DatabaseFacade database) => database.IsNpgsql() ? ToUtc : UtcTicks;
}
