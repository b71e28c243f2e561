using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Persistence;

/// <summary>The one place that chooses the database and brings its schema up to date.</summary>
internal static class PersistenceSetup
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddWorkflowStore(
            settings.Provider == DatabaseProvider.PostgreSql ? WorkflowDatabaseProvider.PostgreSql : WorkflowDatabaseProvider.Sqlite,
            settings.ConnectionString);
        builder.Services.AddDbContext<BrandsIdentityDbContext>(settings.Configure);
        builder.Services.AddScoped<HostSchemaMigrator>();
        return builder;
    }

    /// <summary>Applies the workflow store's and then the host's migrations; called before the host serves requests.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<WorkflowDatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HostSchemaMigrator>().MigrateAsync(cancellationToken);
    }
}
