using System.Data.Common;
using Brands.Host.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>
/// Row counts of every table in the database: what "the database is as it was" means in the tests. The audit log is
/// left out: it records refused administrative actions too, by design (its own tests read it).
/// </summary>
public static class DatabaseRowCounts
{
    /// <summary>
    /// Hangfire's own tables in the SQLite file (Hangfire.Storage.SQLite): its server writes heartbeats and counters
    /// on its own, so they are not part of what a request changed. On PostgreSQL they live in schema hangfire.
    /// </summary>
    private static readonly HashSet<string> s_hangfireTables = new(StringComparer.Ordinal)
    {
        "AggregatedCounter", "Counter", "DistributedLock", "HangfireJob", "HangfireList", "HangfireServer", "Hash",
        "JobParameter", "JobQueue", "Set", "State",
    };

    internal static async Task<IReadOnlyDictionary<string, long>> ReadAsync(DatabaseProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = provider == DatabaseProvider.PostgreSql
                ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!s_hangfireTables.Contains(reader.GetString(0)))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t != "audit_log"))
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
