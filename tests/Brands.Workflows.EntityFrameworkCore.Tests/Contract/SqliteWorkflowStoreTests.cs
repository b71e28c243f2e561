using Brands.Testing;
using Brands.Workflows.Persistence;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>The contract on a real SQLite file, migrated by <see cref="WorkflowDatabaseMigrator"/>.</summary>
public sealed class SqliteWorkflowStoreTests(SqliteWorkflowStoreTests.Fixture fixture)
    : EfWorkflowStoreContract(fixture), IClassFixture<SqliteWorkflowStoreTests.Fixture>
{
    public sealed class Fixture : IStoreFixture, IAsyncLifetime
    {
        private readonly SqliteTestDatabase _database = SqliteTestDatabase.Create("store-contract");

        public IWorkflowStore Store { get; } 

        public Fixture() => Store = EfWorkflowStore.Create(WorkflowDatabaseProvider.Sqlite, _database.ConnectionString);

        public async ValueTask InitializeAsync() =>
            await new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.Sqlite, _database.ConnectionString).MigrateAsync();

        public async ValueTask ResetAsync() => await _database.ResetAsync();

        public ValueTask DisposeAsync()
        {
            _database.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
