using Brands.Testing;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Engine;

/// <summary>A migrated PostgreSQL database of its own for each scenario class.</summary>
public sealed class PostgreSqlStoreProvider : IStoreProvider, IAsyncLifetime
{
    private IWorkflowStore? _store;

    public IWorkflowStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        var connectionString = await TestDatabases.CreateMigratedPostgreSqlAsync("engine");
        // The tests move the engine's clock, so due jobs are judged by it (the database clock has its own tests).
        _store = EfWorkflowStore.Create(WorkflowDatabaseProvider.PostgreSql, connectionString, JobClock.Caller);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A migrated SQLite file of its own for each scenario class.</summary>
public sealed class SqliteStoreProvider : IStoreProvider, IAsyncLifetime
{
    private SqliteTestDatabase? _database;
    private IWorkflowStore? _store;

    public IWorkflowStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = SqliteTestDatabase.Create("engine");
        await new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.Sqlite, _database.ConnectionString).MigrateAsync();
        _store = EfWorkflowStore.Create(WorkflowDatabaseProvider.Sqlite, _database.ConnectionString);
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }
}
