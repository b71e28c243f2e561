using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>One running host and its own fresh database, shared by the tests of one class.</summary>
public abstract class HostFixture : IAsyncLifetime
{
    private BrandsHostFactory? _factory;

    public BrandsHostFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    internal abstract DatabaseProvider Provider { get; }

    /// <summary>The host's environment: Development unless a fixture says otherwise.</summary>
    protected virtual string Environment => "Development";

    /// <summary>Configuration on top of <see cref="BrandsHostFactory"/>'s.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Services on top of the host's (test doubles, extra jobs).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    public virtual async ValueTask InitializeAsync()
    {
        _factory = new BrandsHostFactory(Provider, await CreateDatabaseAsync(), Environment, Settings, ConfigureServices);
        _factory.StartServer();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client that has not signed in.</summary>
    public HttpClient CreateAnonymousClient() => Factory.CreateClient();

    /// <summary>The address Kestrel listens on.</summary>
    public Uri BaseAddress => new(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client signed in as the seeded administrator.</summary>
    public Task<HttpClient> CreateAdminClientAsync() => CreateClientAsync("admin", BrandsHostFactory.AdminPassword);

    /// <summary>A client signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> CreateClientAsync(string userName, string password)
    {
        var client = Factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"Signing in as {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body!["accessToken"]!);
        return client;
    }

    /// <summary>Creates a user of the national office through Identity, with the given roles (created when missing).</summary>
    public async Task CreateUserAsync(string userName, string password, params string[] roles)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BrandsUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = new BrandsUser(userName) { OrganisationCode = IdentitySeeding.NationalOfficeCode };
        Succeeded(await users.CreateAsync(user, password));
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Succeeded(await roleManager.CreateAsync(new IdentityRole(role)));
            }

            Succeeded(await users.AddToRoleAsync(user, role));
        }
    }

    /// <summary>Row counts of every table, to show a refused request changed nothing.</summary>
    public Task<IReadOnlyDictionary<string, long>> CountRowsAsync() =>
        DatabaseRowCounts.ReadAsync(Provider, Factory.ConnectionString);

    internal static string AdminRole => Roles.NationalAdmin;

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
