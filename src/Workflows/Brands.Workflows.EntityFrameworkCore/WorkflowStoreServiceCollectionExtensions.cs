using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>Registers the EF Core workflow store.</summary>
public static class WorkflowStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{TContext}"/> of <see cref="WorkflowDbContext"/>,
    /// <see cref="WorkflowDatabaseMigrator"/>, and <see cref="IWorkflowStore"/> and <see cref="IOutboxStore"/> (one <see cref="EfWorkflowStore"/>),
    /// all singletons. The schema is not touched here: call <see cref="WorkflowDatabaseMigrator.MigrateAsync"/> at start-up.
    /// </summary>
    public static IServiceCollection AddWorkflowStore(this IServiceCollection services, WorkflowDatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddPooledDbContextFactory<WorkflowDbContext>(options => WorkflowDbContext.Configure(options, provider, connectionString));
        services.TryAddSingleton(sp => new WorkflowDatabaseMigrator(provider, connectionString, sp.GetService<ILogger<WorkflowDatabaseMigrator>>()));
        services.TryAddSingleton<EfWorkflowStore>();
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        return services;
    }
}
