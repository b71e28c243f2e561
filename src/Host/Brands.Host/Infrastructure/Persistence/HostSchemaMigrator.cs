using System.Data.Common;
using System.Reflection;
using Brands.Host.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Persistence;

/// <summary>
/// Applies the host's own forward-only SQL scripts (Infrastructure/Persistence/Migrations/&lt;provider&gt;/*.sql,
/// embedded in the assembly) in file-name order, each once, recording applied ids in <c>host_schema_migrations</c>.
/// </summary>
/// <remarks>
/// The EF Core design-time package is not available, so the scripts are written by hand. On PostgreSQL the whole
/// run holds an advisory lock, so several nodes starting at once apply each script exactly once; on SQLite each
/// script runs in an immediate (write-locking) transaction.
/// </remarks>
internal sealed class HostSchemaMigrator(BrandsIdentityDbContext dbContext, DatabaseSettings settings, TimeProvider timeProvider,
    ILogger<HostSchemaMigrator> logger)
{
    /// <summary>Arbitrary but fixed: distinguishes this lock from the workflow store's.</summary>
    private const long AdvisoryLockKey = 0x4272616e6448;

    private const string HistoryTable = "host_schema_migrations";

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connection = dbContext.Database.GetDbConnection();
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var postgres = settings.Provider == DatabaseProvider.PostgreSql;
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            }

            try
            {
                await ExecuteAsync(connection, null,
                    $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id VARCHAR(200) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
                    cancellationToken);
                foreach (var (id, sql) in LoadScripts(settings.Provider))
                {
                    await ApplyAsync(connection, id, sql, cancellationToken);
                }
            }
            finally
            {
                if (postgres)
                {
                    await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
                }
            }
        }
        finally
        {
            await dbContext.Database.CloseConnectionAsync();
        }
    }

    private async Task ApplyAsync(DbConnection connection, string id, string sql, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = $"SELECT COUNT(*) FROM {HistoryTable} WHERE id = @id";
            AddParameter(check, "@id", id);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return;
            }
        }

        await ExecuteAsync(connection, transaction, sql, cancellationToken);
        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO {HistoryTable} (id, applied_at) VALUES (@id, @at)";
            AddParameter(record, "@id", id);
            AddParameter(record, "@at", timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied schema migration {MigrationId}", id);
    }

    /// <summary>The embedded scripts of one provider, ordered by id (the file name without extension).</summary>
    internal static IReadOnlyList<(string Id, string Sql)> LoadScripts(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"{typeof(HostSchemaMigrator).Namespace}.Migrations.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
            })];
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
