using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests;

public abstract class HealthAndOpenApiTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task The_liveness_probe_answers_200_without_signing_in()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_readiness_probe_answers_200_while_the_database_is_reachable()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = host.CreateAnonymousClient();
        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document!["paths"]!.AsObject();
        foreach (var path in new[]
        {
            "/api/auth/login", "/api/definitions", "/api/definitions/{key}/xml", "/api/cases", "/api/cases/{id}",
            "/api/cases/{id}/history", "/api/tasks", "/api/tasks/{id}/claim", "/api/tasks/{id}/unclaim",
            "/api/tasks/{id}/complete", "/api/tasks/{id}/assign", "/api/admin/incidents", "/api/admin/jobs/{id}/retry",
            "/api/auth/change-password", "/api/admin/organisations", "/api/admin/users",
        })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task The_swagger_ui_is_served_for_the_openapi_document()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_incident_list_is_empty_on_a_fresh_database()
    {
        using var client = await host.CreateAdminClientAsync();
        var incidents = await client.GetFromJsonAsync<JsonArray>("/api/admin/incidents", TestContext.Current.CancellationToken);

        Assert.Empty(incidents!);
    }
}

public sealed class HealthAndOpenApiTestsOnSqlite(SqliteHostFixture host) : HealthAndOpenApiTests<SqliteHostFixture>(host);

public sealed class HealthAndOpenApiTestsOnPostgreSql(PostgresHostFixture host) : HealthAndOpenApiTests<PostgresHostFixture>(host);
