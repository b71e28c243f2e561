using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Brands.Bench;

/// <summary>The store a run uses: the engine's in-memory store, or the EF Core store on PostgreSQL (schema migrated first).</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider? _services;

    private BenchStore(IWorkflowStore store, ServiceProvider? services)
    {
        Store = store;
        _services = services;
    }

    public IWorkflowStore Store { get; }

    public static async Task<BenchStore> OpenAsync(BenchOptions options)
    {
        if (options.Mode == "memory")
        {
            return new BenchStore(new InMemoryWorkflowStore(), null);
        }

        // Registered the way the host registers it, so the benchmark measures what production runs.
        var services = new ServiceCollection()
            .AddWorkflowStore(WorkflowDatabaseProvider.PostgreSql, options.Connection!)
            .BuildServiceProvider();
        await services.GetRequiredService<WorkflowDatabaseMigrator>().MigrateAsync();
        return new BenchStore(services.GetRequiredService<IWorkflowStore>(), services);
    }

    public ValueTask DisposeAsync() => _services?.DisposeAsync() ?? ValueTask.CompletedTask;
}
