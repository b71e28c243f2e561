using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Forms;
using Brands.Workflows.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Persistence;

/// <summary>The one place that chooses the database and brings its schema up to date.</summary>
internal static class PersistenceSetup
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddWorkflowStore(ToWorkflowProvider(settings.Provider), settings.ConnectionString);
        builder.Services.AddDbContext<BrandsIdentityDbContext>(settings.Configure);
        builder.Services.AddDbContext<FormsDbContext>(settings.Configure);
        builder.Services.AddScoped<FormStore>();
        builder.Services.AddScoped<TaskFormCheck>();
        return builder;
    }

    /// <summary>
    /// The host's own tables (Identity): hand-written scripts in Infrastructure/Persistence/Migrations/&lt;provider&gt;/,
    /// applied by the store's migrator under their own prefix and advisory lock.
    /// </summary>
    internal static SchemaMigrationSource HostMigrations { get; } =
        new(typeof(PersistenceSetup).Assembly, "HostMigrations", "host/", 0x4272616e6448);

    /// <summary>Applies the workflow store's and then the host's migrations; called before the host serves requests.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<WorkflowDatabaseMigrator>().MigrateAsync(cancellationToken);
        var settings = services.GetRequiredService<DatabaseSettings>();
        var host = new WorkflowDatabaseMigrator(ToWorkflowProvider(settings.Provider), settings.ConnectionString, HostMigrations,
            services.GetRequiredService<ILogger<WorkflowDatabaseMigrator>>());
        await host.MigrateAsync(cancellationToken);
    }

    private static WorkflowDatabaseProvider ToWorkflowProvider(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? WorkflowDatabaseProvider.PostgreSql : WorkflowDatabaseProvider.Sqlite;
}
