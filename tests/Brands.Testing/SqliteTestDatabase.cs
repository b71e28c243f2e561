using Microsoft.Data.Sqlite;

namespace Brands.Testing;

/// <summary>
/// A SQLite database file of its own in a temporary folder of this process; disposing it deletes the file (with
/// its -wal and -shm companions), and the folder goes when the process exits.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private static readonly Lazy<string> s_folder = new(CreateFolder, LazyThreadSafetyMode.ExecutionAndPublication);

    private SqliteTestDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    /// <summary>The database file; it does not exist until the first connection opens it.</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>A new database file whose name starts with <paramref name="prefix"/>.</summary>
    public static SqliteTestDatabase Create(string prefix) =>
        new(System.IO.Path.Combine(s_folder.Value, $"{prefix}-{Guid.NewGuid():N}.db"));

    /// <summary>Deletes every row of every table except <c>schema_migrations</c>, in one transaction.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var transaction = connection.BeginTransaction();
        await using (var pragma = connection.CreateCommand())
        {
            // Deferred so rows may be deleted in any table order; checked at commit.
            pragma.CommandText = "PRAGMA defer_foreign_keys = ON";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in tables)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(Path + suffix);
        }
    }

    private static string CreateFolder()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"brands-sqlite-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    }
}
