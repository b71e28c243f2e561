using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Brands.Testing;

/// <summary>
/// The PostgreSQL server of this test process: the one named by <c>BRANDS_TEST_POSTGRES</c> (a connection string
/// to a server where databases may be created), otherwise a throwaway cluster started on first use and removed
/// when the process exits. Each test class takes its own database from it.
/// </summary>
/// <remarks>
/// <para>Fresh databases are cheap: <see cref="CreateDatabaseAsync(string, string, Func{string, CancellationToken, Task}, CancellationToken)"/>
/// builds a template once per process (for instance by running the schema migrations into it) and then clones it
/// with <c>CREATE DATABASE … TEMPLATE …</c>, a file copy that takes milliseconds — faster than migrating every
/// database. Between tests that share a database, <see cref="ResetAsync(string, CancellationToken)"/> empties it.</para>
/// <para>Databases created on a server given by <c>BRANDS_TEST_POSTGRES</c> are dropped when the process exits.</para>
/// </remarks>
public sealed class PostgresServer
{
    /// <summary>The environment variable that names an existing server instead of a throwaway cluster.</summary>
    public const string ConnectionStringVariable = "BRANDS_TEST_POSTGRES";

    // One CREATE DATABASE at a time: concurrent copies of one template can see each other as its users.
    private static readonly SemaphoreSlim s_createGate = new(1, 1);
    private static readonly ConcurrentDictionary<string, Lazy<Task<Respawner>>> s_respawners = new(StringComparer.Ordinal);
    private static readonly Lazy<PostgresServer> s_instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _templates = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _created = [];
    private readonly string _suffix = $"{Environment.ProcessId}_{Guid.NewGuid():N}"[..16];
    private int _counter;

    private PostgresServer(string adminConnectionString, bool isThrowaway)
    {
        AdminConnectionString = adminConnectionString;
        IsThrowaway = isThrowaway;
    }

    /// <summary>The server of this process, started on first use.</summary>
    public static PostgresServer Instance => s_instance.Value;

    /// <summary>A connection string to the server's maintenance database, as a superuser or a user who may create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>True for the cluster this process started itself.</summary>
    public bool IsThrowaway { get; }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    /// <param name="prefix">Readable start of the database's name, e.g. the test class.</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default) =>
        ConnectionStringFor(await CreateDatabaseCoreAsync(prefix, template: null, cancellationToken));

    /// <summary>
    /// Creates a new database as a copy of template <paramref name="templateName"/>, which is built once per
    /// process by <paramref name="buildTemplate"/> (given the template's connection string, without pooling so no
    /// connection lingers), and returns the new database's connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, string templateName, Func<string, CancellationToken, Task> buildTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildTemplate);
        var template = await _templates.GetOrAdd(templateName, name => new Lazy<Task<string>>(
            () => BuildTemplateAsync(name, buildTemplate, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return ConnectionStringFor(await CreateDatabaseCoreAsync(prefix, template, cancellationToken));
    }

    /// <summary>
    /// Empties every table of the database's current schema except <c>schema_migrations</c> with Respawn, so a test
    /// class can reuse its database between tests.
    /// </summary>
    public static Task ResetAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ResetAsync(connectionString, ["schema_migrations"], cancellationToken);

    /// <summary>As <see cref="ResetAsync(string, CancellationToken)"/>, keeping the rows of <paramref name="keepTables"/>.</summary>
    /// <remarks>
    /// Respawn reads the schema's tables and foreign keys once per database and set of kept tables, then deletes in
    /// dependency order on each reset; the respawner is kept for the process.
    /// </remarks>
    public static async Task ResetAsync(string connectionString, IReadOnlyCollection<string> keepTables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keepTables);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var key = connectionString + "|" + string.Join(",", keepTables.Order(StringComparer.Ordinal));
        var respawner = await s_respawners.GetOrAdd(key, _ => new Lazy<Task<Respawner>>(() => CreateRespawnerAsync(connection, keepTables))).Value;
        await respawner.ResetAsync(connection);
    }

    private static async Task<Respawner> CreateRespawnerAsync(NpgsqlConnection connection, IReadOnlyCollection<string> keepTables)
    {
        await using var schemaQuery = new NpgsqlCommand("SELECT current_schema()", connection);
        var schema = (string)(await schemaQuery.ExecuteScalarAsync())!;
        return await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [schema],
            TablesToIgnore = [.. keepTables.Select(t => new Table(schema, t))],
        });
    }

    private static PostgresServer Start()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            var server = new PostgresServer(given, isThrowaway: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DropCreatedDatabases();
            return server;
        }

        return new PostgresServer(ThrowawayPostgresCluster.Start().ConnectionString, isThrowaway: true);
    }

    private async Task<string> BuildTemplateAsync(string templateName, Func<string, CancellationToken, Task> buildTemplate, CancellationToken cancellationToken)
    {
        var name = await CreateDatabaseCoreAsync("tpl_" + templateName, template: null, cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ToString();
        await buildTemplate(connectionString, cancellationToken);
        // No one may connect to a template while it is copied; this also keeps autovacuum away from it.
        await ExecuteAdminAsync($"ALTER DATABASE {Quote(name)} WITH ALLOW_CONNECTIONS false", cancellationToken);
        return name;
    }

    private async Task<string> CreateDatabaseCoreAsync(string prefix, string? template, CancellationToken cancellationToken)
    {
        var name = $"{Sanitise(prefix)}_{_suffix}_{Interlocked.Increment(ref _counter)}";
        var sql = template is null ? $"CREATE DATABASE {Quote(name)}" : $"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(template)}";
        await s_createGate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAdminAsync(sql, cancellationToken);
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    // "source database is being accessed by other users": a connection to the template is closing.
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
        finally
        {
            s_createGate.Release();
        }

        _created.Add(name);
        return name;
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ToString();

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void DropCreatedDatabases()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _created)
        {
            try
            {
                using var connection = new NpgsqlConnection(AdminConnectionString);
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // Best effort at exit: a database left behind carries the process id in its name.
            }
        }
    }

    /// <summary>Keeps lower-case letters, digits and underscores; PostgreSQL names are at most 63 bytes.</summary>
    private static string Sanitise(string prefix)
    {
        var builder = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }

        var text = builder.ToString().Trim('_');
        return text.Length == 0 ? "db" : text[..Math.Min(text.Length, 36)];
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
