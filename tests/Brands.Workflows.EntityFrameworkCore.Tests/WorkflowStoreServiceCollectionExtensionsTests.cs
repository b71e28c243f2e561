using Brands.Testing;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests;

public sealed class WorkflowStoreServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(WorkflowDatabaseProvider.Sqlite)]
    [InlineData(WorkflowDatabaseProvider.PostgreSql)]
    public async Task The_registered_migrator_and_store_share_one_database_and_the_store_is_a_singleton(WorkflowDatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var sqlite = SqliteTestDatabase.Create("services");
        var connectionString = provider == WorkflowDatabaseProvider.Sqlite
            ? sqlite.ConnectionString
            : await PostgresServer.Instance.CreateDatabaseAsync("services", cancel);
        await using var services = new ServiceCollection().AddWorkflowStore(provider, connectionString).BuildServiceProvider();

        await services.GetRequiredService<WorkflowDatabaseMigrator>().MigrateAsync(cancel);
        var store = services.GetRequiredService<IWorkflowStore>();
        await store.AddDefinitionsAsync([Contract.StoreData.Definition("services", 1)], cancel);

        Assert.IsType<EfWorkflowStore>(store);
        Assert.Same(store, services.GetRequiredService<IWorkflowStore>());
        Assert.Equal(1, (await services.GetRequiredService<IWorkflowStore>().FindLatestDefinitionAsync("services", cancel))?.Version);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(cancel);
        Assert.Equal(1, await db.Definitions.CountAsync(cancel));
    }
}
