using System.Net;
using Brands.Host.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Brands.Workflows.Handlers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>The real host on Kestrel (a free loopback port), on the given database, with a seeded administrator.</summary>
public sealed class BrandsHostFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-Admin-1!";

    internal BrandsHostFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    internal DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Brands", ConnectionString);
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        builder.UseSetting("Workflows:JobPollInterval", "00:00:00.200");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<SwitchableServiceTaskHandler>();
            services.AddSingleton<IServiceTaskHandler>(provider => provider.GetRequiredService<SwitchableServiceTaskHandler>());
        });
    }
}
