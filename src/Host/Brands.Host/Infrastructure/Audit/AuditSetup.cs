using Brands.Host.Infrastructure.Persistence;

namespace Brands.Host.Infrastructure.Audit;

/// <summary>The audit log (README "Audit log"): its table, and its writer.</summary>
internal static class AuditSetup
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDbContext<AuditDbContext>((provider, options) => provider.GetRequiredService<DatabaseSettings>().Configure(options));
        // Its AuditBehavior is registered with the other pipeline behaviours, in their order (MediationSetup).
        services.AddScoped<AuditLog>();
        return builder;
    }
}
