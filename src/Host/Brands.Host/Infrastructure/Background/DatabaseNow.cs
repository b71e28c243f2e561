using Brands.Host.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// "Now" for background work: PostgreSQL's <c>now()</c>, the clock the job executor judges due timers by (README,
/// "Jobs"), so a node whose clock is off neither reports timers early nor deletes history early; SQLite has one
/// node, whose <see cref="TimeProvider"/> it is.
/// </summary>
internal sealed class DatabaseNow(DatabaseSettings settings, BackgroundDbContext db, TimeProvider timeProvider)
{
    public async Task<DateTimeOffset> ReadAsync(CancellationToken cancellationToken) =>
        settings.Provider == DatabaseProvider.PostgreSql
            ? await db.Database.SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"").SingleAsync(cancellationToken)
            : timeProvider.GetUtcNow();
}
