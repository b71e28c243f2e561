using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Background;
using Brands.Host.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Brands.Host.Infrastructure;

/// <summary>What happens between building the host and serving: schema, seed, and the "where to browse" line.</summary>
internal static class Startup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
        await app.Services.EnsureKeyRingAsync(app.Lifetime.ApplicationStopping);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync();
        }

        await app.Services.PrepareBackgroundAsync(app.Lifetime.ApplicationStopping);

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddress(app));
    }

    private static void AnnounceAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses?.FirstOrDefault()
            ?? "http://localhost:5080";
        if (app.Environment.IsDevelopment())
        {
            app.Logger.LogInformation(
                "Brands.Workflow is running: browse {Address} (API docs {Address}/swagger, {Address}/openapi/v1.json; health {Address}/health/ready); "
                + "sign in as {User} with the password from {PasswordKey} (development default Admin123!)",
                address, address, address, address, AdminSeeder.AdminUserName, AdminSeeder.PasswordKey);
        }
        else
        {
            app.Logger.LogInformation(
                "Brands.Workflow is running on {Address} ({Environment}); the first national administrator comes from {Key} (README, \"Production start\")",
                address, app.Environment.EnvironmentName, AdminSeeder.BootstrapPasswordKey);
        }
    }
}
