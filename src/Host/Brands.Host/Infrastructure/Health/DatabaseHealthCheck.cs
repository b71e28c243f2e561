using Brands.Host.Infrastructure.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Brands.Host.Infrastructure.Health;

/// <summary>Ready when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(BrandsIdentityDbContext dbContext) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await dbContext.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }
    }
}
