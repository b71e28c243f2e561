using Brands.Testing;
using Brands.Workflows.Persistence;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>The contract on PostgreSQL, in a database of this class cloned from the migrated template.</summary>
public sealed class PostgreSqlWorkflowStoreTests(PostgreSqlWorkflowStoreTests.Fixture fixture)
    : EfWorkflowStoreContract(fixture), IClassFixture<PostgreSqlWorkflowStoreTests.Fixture>
{
    public sealed class Fixture : IStoreFixture, IAsyncLifetime
    {
        private string? _connectionString;
        private IWorkflowStore? _store;

        public IWorkflowStore Store => _store ?? throw new InvalidOperationException("The fixture is not initialised.");

        public async ValueTask InitializeAsync()
        {
            _connectionString = await TestDatabases.CreateMigratedPostgreSqlAsync("store_contract");
            _store = EfWorkflowStore.Create(WorkflowDatabaseProvider.PostgreSql, _connectionString, JobClock.Caller);
        }

        public async ValueTask ResetAsync() => await PostgresServer.ResetAsync(_connectionString!);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
