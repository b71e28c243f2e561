using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.People;

/// <summary>Several nodes starting at once on one empty database all come up, with one administrator between them.</summary>
public abstract class SeedRaceTests
{
    internal abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    [Fact]
    public async Task Two_hosts_starting_at_once_on_an_empty_database_both_come_up_with_one_administrator()
    {
        var connectionString = await CreateDatabaseAsync();
        var first = new BrandsHostFactory(Provider, connectionString);
        var second = new BrandsHostFactory(Provider, connectionString);
        await using (first)
        await using (second)
        {
            await Task.WhenAll(Task.Run(first.StartServer, TestContext.Current.CancellationToken), Task.Run(second.StartServer, TestContext.Current.CancellationToken));

            foreach (var factory in new[] { first, second })
            {
                using var client = factory.CreateClient();
                using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            await using var scope = first.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BrandsUser>>();
            Assert.Equal(["admin"], (await users.GetUsersInRoleAsync(Roles.NationalAdmin)).Select(u => u.UserName));

            // The key ring is in the database and was made once: a token either node issued opens the API on the other.
            foreach (var (issuer, receiver) in new[] { (first, second), (second, first) })
            {
                using var signIn = issuer.CreateClient();
                using var signedIn = await signIn.PostAsJsonAsync("/api/auth/login",
                    new { userName = "admin", password = BrandsHostFactory.AdminPassword }, TestContext.Current.CancellationToken);
                var token = (string)(await signedIn.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"]!;
                using var other = receiver.CreateClient();
                other.DefaultRequestHeaders.Authorization = new("Bearer", token);
                using var listed = await other.GetAsync("/api/admin/users", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            }

            var keys = (await DatabaseRowCounts.ReadAsync(Provider, connectionString))["data_protection_keys"];
            if (Provider == DatabaseProvider.PostgreSql)
            {
                Assert.Equal(1, keys);
            }
            else
            {
                Assert.True(keys >= 1);
            }
        }
    }

    [Fact]
    public async Task Of_many_seeders_creating_one_administrator_at_once_one_creates_it_and_the_others_find_it()
    {
        var connectionString = await CreateDatabaseAsync();
        var factory = new BrandsHostFactory(Provider, connectionString);
        await using (factory)
        {
            factory.StartServer();
            var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var seeding = scope.ServiceProvider.GetRequiredService<IdentitySeeding>();
                await seeding.EnsureRolesAsync();
                await seeding.EnsureNationalOfficeAsync();
                return await seeding.CreateNationalAdminAsync("racer", "Racer-Pass-1!", null, mustChangePassword: false);
            })));

            Assert.Equal(1, results.Count(created => created));
            using var client = factory.CreateClient();
            using var signedIn = await client.PostAsJsonAsync("/api/auth/login", new { userName = "racer", password = "Racer-Pass-1!" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.NotNull((await signedIn.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"]);
        }
    }
}

public sealed class SeedRaceTestsOnSqlite : SeedRaceTests, IDisposable
{
    private readonly List<SqliteTestDatabase> _databases = [];

    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync()
    {
        var database = SqliteTestDatabase.Create("seed-race");
        _databases.Add(database);
        return Task.FromResult(database.ConnectionString);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _databases.ForEach(d => d.Dispose());
    }
}

public sealed class SeedRaceTestsOnPostgreSql : SeedRaceTests
{
    internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.Instance.CreateDatabaseAsync("seedrace");
}
