using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.People;

public abstract class ProvisioningTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task An_administrator_provisions_an_organisation_and_a_user_who_then_signs_in_with_its_groups()
    {
        using var admin = await host.CreateAdminClientAsync();
        using (var organisation = await admin.PostAsJsonAsync("/api/admin/organisations",
            new { code = "GD-STATION-1", name = "广东省商标品牌指导站", kind = "guidance-station", province = "GD" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, organisation.StatusCode);
            var body = (await organisation.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
            Assert.Equal("广东省商标品牌指导站", (string?)body["name"]);
        }

        using (var user = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "gd-station", password = "Station-Pass-1!", displayName = "指导站", email = "station@example.cn",
            organisationCode = "GD-STATION-1", roles = new[] { "applicant" }, groups = new[] { "stations:GD" },
        }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, user.StatusCode);
            var body = (await user.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
            Assert.Equal("GD", (string?)body["province"]);
        }

        var organisations = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/organisations", TestContext.Current.CancellationToken))!;
        Assert.Contains(organisations, o => (string?)o!["code"] == "GD-STATION-1" && (string?)o["province"] == "GD");
        var users = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/users", TestContext.Current.CancellationToken))!;
        var listed = Assert.Single(users, u => (string?)u!["userName"] == "gd-station")!;
        Assert.Equal(["applicant"], listed["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["stations:GD"], listed["groups"]!.AsArray().Select(r => (string)r!));

        // A process only the given group may start: the station may.
        var xml = Api.Bpmn("provincial-review.bpmn")
            .Replace("id=\"provincial-review\"", "id=\"station-only\"", StringComparison.Ordinal)
            .Replace("candidateStarterGroups=\"applicant\"", "candidateStarterGroups=\"stations:GD\"", StringComparison.Ordinal);
        (await admin.DeployAsync(xml)).Dispose();
        using var station = await host.CreateClientAsync("gd-station", "Station-Pass-1!");
        using var started = await station.PostAsJsonAsync("/api/cases", new { definitionKey = "station-only" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }

    [Theory]
    [InlineData("""{"code":"X","name":"n","kind":"enterprise","province":"ZJ"}""", "code")]
    [InlineData("""{"code":"ZJ-A","name":"","kind":"enterprise","province":"ZJ"}""", "name")]
    [InlineData("""{"code":"ZJ-A","name":"n","kind":"company","province":"ZJ"}""", "kind")]
    [InlineData("""{"code":"ZJ-A","name":"n","kind":"enterprise","province":"XX"}""", "province")]
    [InlineData("""{"code":"ZJ-A","name":"n","kind":"enterprise","province":"CN"}""", "province")]
    [InlineData("""{"code":"ZJ-A","name":"n","kind":"national-office","province":"ZJ"}""", "province")]
    public async Task A_bad_organisation_is_refused_with_the_field_and_creates_nothing(string json, string field)
    {
        using var admin = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await admin.PostJsonTextAsync("/api/admin/organisations", json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Theory]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","organisationCode":"CNIPA","roles":["boss"]}""", "roles")]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","organisationCode":"CNIPA","roles":[]}""", "roles")]
    [InlineData("""{"userName":"u1","password":"short","organisationCode":"CNIPA","roles":["national-reviewer"]}""", "password")]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","organisationCode":"NOPE","roles":["national-reviewer"]}""", "organisationCode")]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","organisationCode":"CNIPA","roles":["provincial-reviewer"]}""", "roles")]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","organisationCode":"CNIPA","roles":["expert"],"groups":["org:CNIPA"]}""", "groups")]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","organisationCode":"CNIPA","roles":["expert"],"groups":["Experts"]}""", "groups")]
    [InlineData("""{"userName":"bad name","password":"Good-Pass-1!","organisationCode":"CNIPA","roles":["expert"]}""", "userName")]
    [InlineData("""{"userName":"u1","password":"Good-Pass-1!","email":"nope","organisationCode":"CNIPA","roles":["expert"]}""", "email")]
    public async Task A_bad_user_is_refused_with_the_field_and_creates_nothing(string json, string field)
    {
        using var admin = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await admin.PostJsonTextAsync("/api/admin/users", json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_taken_user_name_is_a_409()
    {
        using var admin = await host.CreateAdminClientAsync();

        using var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "admin", password = "Good-Pass-1!", organisationCode = "CNIPA", roles = new[] { "expert" } }, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_national_administrators_provision()
    {
        await host.CreateUserAsync("national-reviewer-1", "Reviewer-Pass-1!", "national-reviewer");
        using var reviewer = await host.CreateClientAsync("national-reviewer-1", "Reviewer-Pass-1!");

        using var organisation = await reviewer.PostAsJsonAsync("/api/admin/organisations",
            new { code = "ZJ-X", name = "x", kind = "enterprise", province = "ZJ" }, TestContext.Current.CancellationToken);
        using var list = await reviewer.GetAsync("/api/admin/users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, organisation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_organisation_kinds_provinces_and_roles_as_the_allowed_values()
    {
        using var client = host.CreateAnonymousClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var organisation = RequestSchema(document, "/api/admin/organisations");
        Assert.Equal(["national-office", "provincial-office", "enterprise", "regional-brand-owner", "guidance-station", "city-county", "expert-body"],
            organisation["properties"]!["kind"]!["enum"]!.AsArray().Select(v => (string)v!));
        var provinces = organisation["properties"]!["province"]!["enum"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(32, provinces.Count);
        Assert.Contains("ZJ", provinces);
        Assert.Contains("CN", provinces);
        var user = RequestSchema(document, "/api/admin/users");
        Assert.Equal(["national-admin", "national-reviewer", "provincial-admin", "provincial-reviewer", "applicant", "expert"],
            user["properties"]!["roles"]!["items"]!["enum"]!.AsArray().Select(v => (string)v!));
    }

    private static JsonObject RequestSchema(JsonObject document, string path)
    {
        var schema = document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject();
        var reference = (string?)schema["$ref"];
        return reference is null ? schema : document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }
}

public sealed class ProvisioningTestsOnSqlite(SqliteHostFixture host) : ProvisioningTests<SqliteHostFixture>(host);

public sealed class ProvisioningTestsOnPostgreSql(PostgresHostFixture host) : ProvisioningTests<PostgresHostFixture>(host);
