using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Forms;

/// <summary><c>/api/forms</c>: saving versions of form-js schemas, reading them, and refusing what is not one (README "Forms").</summary>
public abstract class FormsApiTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static string Form(string id, string label) =>
        $$$"""{"id":"{{{id}}}","type":"default","components":[{"type":"textfield","key":"name","label":"{{{label}}}","validate":{"required":true}}]}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_changed_schema_is_the_next_version_and_an_identical_one_keeps_its_version()
    {
        using var admin = await host.CreateAdminClientAsync();

        using var first = await admin.PostJsonTextAsync("/api/forms", Form("licence", "名称"));
        using var same = await admin.PostJsonTextAsync("/api/forms", Form("licence", "名称").Replace(",", ", ", StringComparison.Ordinal));
        using var changed = await admin.PostJsonTextAsync("/api/forms", Form("licence", "企业名称"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/forms/licence/versions/1", first.Headers.Location?.OriginalString);
        Assert.Equal(1, (int)(await first.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["version"]!);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(1, (int)(await same.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["version"]!);
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        var saved = (await changed.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.Equal(("licence", 2), ((string)saved["id"]!, (int)saved["version"]!));

        var latest = await admin.GetFromJsonAsync<JsonObject>("/api/forms/licence", Cancel);
        var v1 = await admin.GetFromJsonAsync<JsonObject>("/api/forms/licence/versions/1", Cancel);
        Assert.Equal("企业名称", (string?)latest!["components"]![0]!["label"]);
        Assert.Equal("名称", (string?)v1!["components"]![0]!["label"]);
        var listed = await admin.GetFromJsonAsync<JsonArray>("/api/forms", Cancel);
        Assert.Equal(2, (int)Assert.Single(listed!, f => (string?)f!["id"] == "licence")!["version"]!);
        Assert.Equal("admin", (string?)Assert.Single(listed!, f => (string?)f!["id"] == "licence")!["savedBy"]);
    }

    [Fact]
    public async Task Any_signed_in_user_reads_forms_but_only_a_national_administrator_saves_them()
    {
        using var admin = await host.CreateAdminClientAsync();
        await admin.SaveFormAsync(Form("public-form", "名称"));
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        using var provincialAdmin = await host.CreateClientAsync("zj-admin", Infrastructure.People.Password);

        var read = await applicant.GetFromJsonAsync<JsonObject>("/api/forms/public-form", Cancel);
        using var byApplicant = await applicant.PostJsonTextAsync("/api/forms", Form("public-form", "changed"));
        using var byProvince = await provincialAdmin.PostJsonTextAsync("/api/forms", Form("public-form", "changed"));
        using var anonymous = await host.CreateAnonymousClient().GetAsync("/api/forms/public-form", Cancel);

        Assert.Equal("public-form", (string?)read!["id"]);
        Assert.Equal(HttpStatusCode.Forbidden, byApplicant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byProvince.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("名称", (string?)(await admin.GetFromJsonAsync<JsonObject>("/api/forms/public-form", Cancel))!["components"]![0]!["label"]);
    }

    [Fact]
    public async Task An_unknown_form_or_version_is_a_404_problem()
    {
        using var admin = await host.CreateAdminClientAsync();
        await admin.SaveFormAsync(Form("one-version", "名称"));

        using var unknown = await admin.GetAsync("/api/forms/nothing-here", Cancel);
        using var version = await admin.GetAsync("/api/forms/one-version/versions/2", Cancel);

        Assert.Equal("No form with id 'nothing-here'.", (string?)(await unknown.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Equal("No version 2 of form 'one-version'.", (string?)(await version.AssertProblemAsync(HttpStatusCode.NotFound))["detail"]);
    }

    [Theory]
    [InlineData("this is not JSON", "The body is not valid JSON")]
    [InlineData("""{"type":"default","components":[]}""", "The schema has no 'id'")]
    [InlineData("""{"id":"typeless","components":[{"key":"name","label":"名称"}]}""", "Component 1 (\"name\") has no 'type'")]
    [InlineData("""{"id":"no-components","title":"x"}""", "The schema has no 'components' array")]
    public async Task A_body_that_is_not_a_form_js_schema_is_a_400_with_the_reason_and_stores_nothing(string body, string reason)
    {
        using var admin = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await admin.PostJsonTextAsync("/api/forms", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith(reason, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_schema_over_the_size_limit_is_a_413_with_the_limit_and_stores_nothing()
    {
        using var admin = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();
        var huge = $$$"""{"id":"huge","components":[{"type":"text","text":"{{{new string('x', 300 * 1024)}}}"}]}""";

        using var response = await admin.PostJsonTextAsync("/api/forms", huge);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("262144", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }
}

public sealed class FormsApiTestsOnSqlite(SqliteHostFixture host) : FormsApiTests<SqliteHostFixture>(host);

public sealed class FormsApiTestsOnPostgreSql(PostgresHostFixture host) : FormsApiTests<PostgresHostFixture>(host);
