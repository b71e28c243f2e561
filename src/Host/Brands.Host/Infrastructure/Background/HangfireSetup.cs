using Brands.Host.Infrastructure.Email;
using Brands.Host.Infrastructure.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// Hangfire for the host's background work (README "Background work"): storage in the host's database, a server
/// on every node, the recurring jobs of <see cref="RecurringJobs"/>, and the Dashboard at <c>/hangfire</c> for
/// national administrators. BPMN timers are not Hangfire jobs: they stay in the engine's job table, fired by the
/// job executor, and Hangfire never holds a case's truth.
/// </summary>
internal static class HangfireSetup
{
    public const string DashboardPath = "/hangfire";

    public static WebApplicationBuilder AddBackground(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(BackgroundOptions.SectionName);
        var options = section.Get<BackgroundOptions>() ?? new BackgroundOptions();
        var services = builder.Services;
        services.Configure<BackgroundOptions>(section);
        services.AddDbContext<BackgroundDbContext>((provider, db) => provider.GetRequiredService<DatabaseSettings>().Configure(db));
        services.AddScoped<DatabaseNow>();
        services.AddScoped<BackgroundRunLog>();
        services.AddScoped<DeadlineSweep>();
        services.AddScoped<HistoryRetention>();

        // This host's own storage and job activator, registered before AddHangfire so they win over Hangfire's
        // process-wide defaults (JobStorage.Current, JobActivator.Current): several hosts may share one process.
        services.AddSingleton(provider =>
        {
            // Configured first, so the storage logs through this host's logging.
            provider.GetRequiredService<IGlobalConfiguration>();
            return HangfireStorage.Create(provider.GetRequiredService<DatabaseSettings>(), options);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.PollInterval;
            server.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>The Dashboard at <see cref="DashboardPath"/>: after authentication, so bearer tokens and cookies both count.</summary>
    public static WebApplication UseBackground(this WebApplication app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new NationalAdministratorsOnly()],
            DashboardTitle = "Brands.Workflow",
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    /// <summary>At start-up, after the host's migrations: Hangfire's schema, then the recurring jobs.</summary>
    public static async Task PrepareBackgroundAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await HangfireStorage.InstallSchemaAsync(services.GetRequiredService<DatabaseSettings>(), cancellationToken);
        RecurringJobs.Register(new RecurringSchedule(services.GetRequiredService<IRecurringJobManager>(),
            services.GetRequiredService<IOptions<BackgroundOptions>>().Value), services.GetRequiredService<IOptions<MailOptions>>().Value);
    }
}
