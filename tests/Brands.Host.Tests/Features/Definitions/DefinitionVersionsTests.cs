using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Definitions;

/// <summary>The designer opens any deployed version and reads what the validator supports.</summary>
public abstract class DefinitionVersionsTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    /// <summary>approval.bpmn under a key of its own, with the task named <paramref name="taskName"/>.</summary>
    private static string Approval(string key, string taskName) =>
        Api.Bpmn("approval.bpmn")
            .Replace("id=\"approval\"", $"id=\"{key}\"", StringComparison.Ordinal)
            .Replace("Review the application", taskName, StringComparison.Ordinal);

    private static async Task DeployAsync(HttpClient client, string xml)
    {
        using var response = await client.DeployAsync(xml);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_version_is_listed_newest_first_and_each_one_has_its_own_xml()
    {
        using var client = await host.CreateAdminClientAsync();
        var first = Approval("versioned", "First review");
        var second = Approval("versioned", "Second review");
        await DeployAsync(client, first);
        await DeployAsync(client, second);

        var versions = await client.GetFromJsonAsync<JsonArray>("/api/definitions/versioned/versions", TestContext.Current.CancellationToken);

        Assert.Equal([2, 1], versions!.Select(v => (int)v!["version"]!));
        Assert.Equal(["versioned:2", "versioned:1"], versions!.Select(v => (string?)v!["id"]));
        Assert.Equal(first, await client.GetStringAsync("/api/definitions/versioned/versions/1/xml", TestContext.Current.CancellationToken));
        Assert.Equal(second, await client.GetStringAsync("/api/definitions/versioned/versions/2/xml", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_key_or_version_is_a_404_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        await DeployAsync(client, Approval("single", "Review"));

        using var unknownKey = await client.GetAsync("/api/definitions/nothing-here/versions", TestContext.Current.CancellationToken);
        using var unknownVersion = await client.GetAsync("/api/definitions/single/versions/7/xml", TestContext.Current.CancellationToken);

        Assert.Equal("No definition with key 'nothing-here'.", (string?)(await unknownKey.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Equal("No version 7 of definition 'single'.", (string?)(await unknownVersion.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]);
    }

    [Fact]
    public async Task The_supported_elements_name_what_the_validator_accepts_and_why_it_refuses_the_rest()
    {
        using var client = await host.CreateAdminClientAsync();

        var list = await client.GetFromJsonAsync<JsonObject>("/api/definitions/supported-elements", TestContext.Current.CancellationToken);

        var supported = list!["supported"]!.AsArray().Select(kind => (string?)kind).ToList();
        Assert.Contains("userTask", supported);
        Assert.Contains("boundaryEvent/error", supported);
        Assert.Equal("complex gateways are not supported", (string?)list["unsupported"]!["complexGateway"]);
    }

    [Fact]
    public async Task Versions_and_supported_elements_are_for_administrators_only()
    {
        await host.CreateUserAsync("reader", "Reader-Pass-1!");
        using var reader = await host.CreateClientAsync("reader", "Reader-Pass-1!");
        using var anonymous = host.CreateAnonymousClient();

        foreach (var path in new[] { "/api/definitions/approval/versions", "/api/definitions/approval/versions/1/xml", "/api/definitions/supported-elements" })
        {
            using var forbidden = await reader.GetAsync(path, TestContext.Current.CancellationToken);
            using var unauthorised = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }
    }
}

public sealed class DefinitionVersionsTestsOnSqlite(SqliteHostFixture host) : DefinitionVersionsTests<SqliteHostFixture>(host);

public sealed class DefinitionVersionsTestsOnPostgreSql(PostgresHostFixture host) : DefinitionVersionsTests<PostgresHostFixture>(host);
