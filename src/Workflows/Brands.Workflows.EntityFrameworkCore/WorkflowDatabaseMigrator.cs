using System.Data.Common;
using Brands.Workflows.EntityFrameworkCore.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>
/// Applies the engine's schema migrations (embedded <c>Migrations/&lt;Provider&gt;/*.sql</c>, in file-name order)
/// that the database has not seen yet, recording each in <c>schema_migrations</c>. Forward-only and idempotent:
/// call it at every start-up.
/// </summary>
/// <remarks>
/// Several nodes may start at once: on PostgreSQL the whole run holds a session advisory lock
/// (<c>pg_advisory_lock</c>), so one node migrates and the others then find nothing to do; on SQLite the run is one
/// <c>BEGIN IMMEDIATE</c> write transaction. Each applied migration's SHA-256 is recorded and checked on every
/// run, so an edited released migration stops start-up instead of leaving databases that differ.
/// </remarks>
public sealed class WorkflowDatabaseMigrator
{
    private readonly WorkflowDatabaseProvider _provider;
    private readonly SchemaMigrationSource _source;
    private readonly string _connectionString;
    private readonly ILogger _logger;

    /// <summary>Migrates the engine's store schema.</summary>
    public WorkflowDatabaseMigrator(WorkflowDatabaseProvider provider, string connectionString, ILogger<WorkflowDatabaseMigrator>? logger = null)
        : this(provider, connectionString, SchemaMigrationSource.Workflows, logger)
    {
    }

    /// <summary>Migrates another component's schema in the same database (see <see cref="SchemaMigrationSource"/>).</summary>
    public WorkflowDatabaseMigrator(WorkflowDatabaseProvider provider, string connectionString, SchemaMigrationSource source,
        ILogger<WorkflowDatabaseMigrator>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(source);
        _provider = provider;
        _source = source;
        _connectionString = connectionString;
        _logger = logger ?? NullLogger<WorkflowDatabaseMigrator>.Instance;
    }

    /// <summary>Applies the pending migrations; a no-op when the schema is current.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = SchemaMigration.For(_source, _provider);
        if (_provider == WorkflowDatabaseProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({_source.AdvisoryLockKey})", cancellationToken);
            try
            {
                await ExecuteAsync(connection, null,
                    "CREATE TABLE IF NOT EXISTS schema_migrations (id text NOT NULL PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                    cancellationToken);
                var applied = await ReadAppliedAsync(connection, null, cancellationToken);
                foreach (var migration in Pending(migrations, applied))
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await ApplyAsync(connection, transaction, migration, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({_source.AdvisoryLockKey})", CancellationToken.None);
            }
        }
        else
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            // WAL lets readers run beside the writer; the mode is stored in the file, so setting it once suffices.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken); // BEGIN IMMEDIATE
            await ExecuteAsync(connection, transaction,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT NOT NULL PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
                cancellationToken);
            var applied = await ReadAppliedAsync(connection, transaction, cancellationToken);
            foreach (var migration in Pending(migrations, applied))
            {
                await ApplyAsync(connection, transaction, migration, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The ids of the engine's migrations recorded in the database, in the order they apply.</summary>
    public async Task<IReadOnlyList<string>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = _provider == WorkflowDatabaseProvider.PostgreSql
            ? new NpgsqlConnection(_connectionString)
            : new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        var exists = _provider == WorkflowDatabaseProvider.PostgreSql
            ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema()"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = exists;
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return [];
            }
        }

        var applied = await ReadAppliedAsync(connection, null, cancellationToken);
        return [.. applied.Keys.Order(StringComparer.Ordinal)];
    }

    private List<SchemaMigration> Pending(IReadOnlyList<SchemaMigration> migrations, Dictionary<string, string> applied)
    {
        var pending = new List<SchemaMigration>();
        foreach (var migration in migrations)
        {
            if (!applied.TryGetValue(migration.Id, out var checksum))
            {
                pending.Add(migration);
            }
            else if (checksum != migration.Checksum)
            {
                throw new InvalidOperationException(
                    $"Schema migration {migration.Id} was changed after it was applied to this database. Applied migrations must never change; add a new migration instead.");
            }
        }

        if (pending.Count > 0)
        {
            _logger.LogInformation("Applying {Count} schema migration(s) on {Provider}: {Ids}",
                pending.Count, _provider, string.Join(", ", pending.Select(m => m.Id)));
        }

        return pending;
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_migrations (id, checksum) VALUES (@id, @checksum)";
        AddParameter(record, "id", migration.Id);
        AddParameter(record, "checksum", migration.Checksum);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<string, string>> ReadAppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, checksum FROM schema_migrations WHERE id LIKE @prefix";
        AddParameter(command, "prefix", _source.IdPrefix + "%");
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // A migration that builds an index or fills a table over a large database runs as long as it needs; the
        // default 30 s would stop it half way and keep the host from starting.
        command.CommandTimeout = 0;
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
