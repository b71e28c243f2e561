using Brands.Host.Infrastructure.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// Hangfire's storage in the host's own database: schema <c>hangfire</c> on PostgreSQL (Hangfire.PostgreSql), its
/// own tables in the same file on SQLite (Hangfire.Storage.SQLite).
/// </summary>
internal static class HangfireStorage
{
    public const string PostgreSqlSchema = "hangfire";

    /// <summary>The advisory lock under which one node at a time installs or upgrades Hangfire's PostgreSQL schema.</summary>
    private const long InstallLockKey = 0x4272616e6448 + 0x60;

    public static JobStorage Create(DatabaseSettings settings, BackgroundOptions options)
    {
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = PostgreSqlSchema,
                // Installed by InstallSchemaAsync under an advisory lock: Hangfire.PostgreSql's own installer, run by
                // several nodes starting at once, can fail on one of them and leave the schema half made.
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = options.PollInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(settings.ConnectionString, storageOptions), storageOptions);
        }

        var path = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        // The SQLite storage polls its queue (every 15 s unless told): as often as the recurring jobs are looked for.
        return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = options.PollInterval });
    }

    /// <summary>Installs or upgrades Hangfire's PostgreSQL schema, one node at a time; nothing to do on SQLite.</summary>
    public static async Task InstallSchemaAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        await AdvisoryLock.RunAsync(settings.ConnectionString, InstallLockKey, connection =>
        {
            PostgreSqlObjectsInstaller.Install(connection, PostgreSqlSchema);
            return Task.CompletedTask;
        }, cancellationToken);
    }
}
