using System.Net;
using Brands.Host.Infrastructure.ElementTemplates;
using Brands.Host.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Brands.Workflows.Handlers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>The real host on Kestrel (a free loopback port), on the given database, with a seeded administrator.</summary>
public sealed class BrandsHostFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Test-Admin-1!";

    private readonly Action<IServiceCollection>? _services;

    internal BrandsHostFactory(DatabaseProvider provider, string connectionString, string environment = "Development",
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Provider = provider;
        ConnectionString = connectionString;
        Environment = environment;
        Settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    internal DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Environment { get; }

    /// <summary>Configuration on top of the defaults below.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Brands", ConnectionString);
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        builder.UseSetting("Workflows:JobPollInterval", "00:00:00.200");
        builder.UseSetting("Background:PollInterval", "00:00:01");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<SwitchableServiceTaskHandler>();
            services.AddSingleton<IServiceTaskHandler>(provider => provider.GetRequiredService<SwitchableServiceTaskHandler>());
            services.AddElementTemplate(SwitchableServiceTaskHandler.Template);
        });
        builder.ConfigureTestServices(services => _services?.Invoke(services));
    }
}
