using System.Data.Common;
using Brands.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Migrations;

public sealed class SqliteMigrationTests() : MigrationContract(WorkflowDatabaseProvider.Sqlite), IDisposable
{
    private readonly List<SqliteTestDatabase> _databases = [];

    protected override string ColumnsQuery => "SELECT name FROM pragma_table_info(@table)";

    [Fact]
    public async Task The_database_file_is_switched_to_write_ahead_logging()
    {
        var connectionString = await CreateEmptyDatabaseAsync();

        await new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.Sqlite, connectionString).MigrateAsync(Cancel);

        Assert.Equal("wal", await ScalarAsync(connectionString, "PRAGMA journal_mode"));
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    protected override Task<string> CreateEmptyDatabaseAsync()
    {
        var database = SqliteTestDatabase.Create("migrations");
        _databases.Add(database);
        return Task.FromResult(database.ConnectionString);
    }

    protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString);
}
