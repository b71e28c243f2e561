using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.People;

public abstract class ProductionStartTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task There_is_no_development_administrator_in_production()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login",
            new { userName = "admin", password = BrandsHostFactory.AdminPassword }, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_description_and_swagger_are_for_signed_in_administrators_only()
    {
        using var anonymous = host.CreateAnonymousClient();
        using (var document = await anonymous.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, document.StatusCode);
        }

        using (var swagger = await anonymous.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, swagger.StatusCode);
        }

        await host.CreateUserAsync("prod-reviewer", "Prod-Reviewer-1!", "national-reviewer");
        using var reviewer = await host.CreateClientAsync("prod-reviewer", "Prod-Reviewer-1!");
        using (var document = await reviewer.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, document.StatusCode);
        }

        using var swaggerAsReviewer = await reviewer.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, swaggerAsReviewer.StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_from_configuration_must_change_the_password_before_anything_else()
    {
        using var first = await host.CreateClientAsync(ProductionSettings.AdminUserName, ProductionSettings.AdminPassword);
        foreach (var path in new[] { "/api/tasks", "/api/admin/users", "/openapi/v1.json" })
        {
            using var refused = await first.GetAsync(path, TestContext.Current.CancellationToken);
            if (path.StartsWith("/api", StringComparison.Ordinal))
            {
                var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
                Assert.Equal("Password change required.", (string?)problem["title"]);
                Assert.Contains("POST /api/auth/change-password", (string?)problem["detail"], StringComparison.Ordinal);
            }
        }

        using (var wrongCurrent = await first.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = "not-it", newPassword = "Chief-Second-2!" }, TestContext.Current.CancellationToken))
        {
            var problem = await wrongCurrent.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["currentPassword"]);
        }

        using (var weak = await first.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = ProductionSettings.AdminPassword, newPassword = "short" }, TestContext.Current.CancellationToken))
        {
            var problem = await weak.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem["errors"]!["newPassword"]!.AsArray());
        }

        using (var changed = await first.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = ProductionSettings.AdminPassword, newPassword = "Chief-Second-2!" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        }

        using var again = await host.CreateClientAsync(ProductionSettings.AdminUserName, "Chief-Second-2!");
        var users = (await again.GetFromJsonAsync<JsonArray>("/api/admin/users", TestContext.Current.CancellationToken))!;
        var chief = Assert.Single(users, u => (string?)u!["userName"] == ProductionSettings.AdminUserName)!;
        Assert.False((bool)chief["mustChangePassword"]!);
        Assert.Equal(["national-admin"], chief["roles"]!.AsArray().Select(r => (string)r!));
        using var document = await again.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);

        // A restart with the bootstrap keys still set (even another password) creates nothing and changes nothing.
        var restarted = new BrandsHostFactory(host.Factory.Provider, host.Factory.ConnectionString, "Production",
            new Dictionary<string, string>(ProductionSettings.Values) { ["Bootstrap:AdminPassword"] = "Other-Pass-3!" });
        await using (restarted)
        {
            restarted.StartServer();
            using var client = restarted.CreateClient();
            using var refused = await client.PostAsJsonAsync("/api/auth/login",
                new { userName = ProductionSettings.AdminUserName, password = "Other-Pass-3!" }, TestContext.Current.CancellationToken);
            await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }
}

public sealed class ProductionStartTestsOnSqlite(ProductionSqliteHostFixture host) : ProductionStartTests<ProductionSqliteHostFixture>(host);

public sealed class ProductionStartTestsOnPostgreSql(ProductionPostgresHostFixture host) : ProductionStartTests<ProductionPostgresHostFixture>(host);
