using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Forms;

/// <summary>
/// Completing a task checks its variables against the task's form on the server (README "Forms"): each kind of
/// failure answers 400 with the errors by field key, and the task stays open with nothing recorded.
/// </summary>
public abstract class TaskFormValidationTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private const string Schema = """
        {"id":"FORMID","components":[
          {"type":"textfield","key":"name","validate":{"required":true,"minLength":2,"maxLength":20}},
          {"type":"textfield","key":"code","validate":{"pattern":"^[A-Z]{2}-\\d{4}$"}},
          {"type":"number","key":"area","validate":{"min":1,"max":100}},
          {"type":"checkbox","key":"agreed"},
          {"type":"select","key":"region","values":[{"label":"浙江","value":"ZJ"},{"label":"江苏","value":"JS"}]},
          {"type":"checklist","key":"products","values":[{"label":"茶叶","value":"tea"}]},
          {"type":"datetime","key":"day","subtype":"date"}
        ]}
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>approval.bpmn under <paramref name="key"/>, its task naming form <paramref name="formId"/>; returns the open task.</summary>
    private async Task<(HttpClient Client, Guid CaseId, Guid TaskId)> StartAsync(string key, string formId, bool saveForm = true)
    {
        var client = await host.CreateAdminClientAsync();
        if (saveForm)
        {
            await client.SaveFormAsync(Schema.Replace("FORMID", formId, StringComparison.Ordinal));
        }

        var xml = Api.Bpmn("approval.bpmn")
            .Replace("id=\"approval\"", $"id=\"{key}\"", StringComparison.Ordinal)
            .Replace("review-form", formId, StringComparison.Ordinal);
        using (var deployed = await client.DeployAsync(xml))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = key }, Cancel);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
        var task = Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!);
        return (client, caseId, (Guid)task!["id"]!);
    }

    [Theory]
    [InlineData("required", """{"code":"ZJ-0001"}""", "name", "This field is required.")]
    [InlineData("type", """{"name":"Tea Co","area":"twelve"}""", "area", "Enter a number.")]
    [InlineData("minmax", """{"name":"Tea Co","area":101}""", "area", "Enter a number of at most 100.")]
    [InlineData("length", """{"name":"T"}""", "name", "Enter at least 2 characters.")]
    [InlineData("pattern", """{"name":"Tea Co","code":"zj-1"}""", "code", "The value does not match the pattern ^[A-Z]{2}-\\d{4}$.")]
    [InlineData("choice", """{"name":"Tea Co","region":"SH"}""", "region", "Choose one of the offered values.")]
    [InlineData("list", """{"name":"Tea Co","products":["coffee"]}""", "products", "Choose only offered values.")]
    [InlineData("date", """{"name":"Tea Co","day":"3 December"}""", "day", "Enter a date as yyyy-MM-dd (ISO 8601).")]
    [InlineData("unknown", """{"name":"Tea Co","approved":true}""", "approved", "This is not a field of the task's form.")]
    public async Task Variables_the_form_refuses_are_a_400_with_the_error_by_field_and_the_task_stays_open(
        string kind, string variables, string field, string message)
    {
        var (client, caseId, taskId) = await StartAsync($"form-{kind}", $"form-{kind}");
        using var _ = client;
        var before = await host.CountRowsAsync();

        using var response = await client.PostJsonTextAsync($"/api/tasks/{taskId}/complete", $$"""{"variables":{{variables}}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([message], problem["errors"]![field]!.AsArray().Select(e => (string?)e));
        Assert.Single(problem["errors"]!.AsObject());
        Assert.Equal(before, await host.CountRowsAsync());
        Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!);
    }

    [Fact]
    public async Task Variables_the_form_accepts_complete_the_task()
    {
        var (client, caseId, taskId) = await StartAsync("form-valid", "form-valid");
        using var _ = client;

        using var response = await client.PostJsonTextAsync($"/api/tasks/{taskId}/complete",
            """{"variables":{"name":"杭州茶叶","code":"ZJ-0012","area":100,"agreed":true,"region":"ZJ","products":["tea"],"day":"2026-12-03"}}""");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var finished = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel);
        Assert.Equal("completed", (string?)finished!["status"]);
    }

    [Fact]
    public async Task A_task_whose_form_was_never_saved_is_a_409_naming_the_form_and_stays_open()
    {
        var (client, caseId, taskId) = await StartAsync("form-missing", "never-saved", saveForm: false);
        using var _ = client;

        using var response = await client.PostJsonTextAsync($"/api/tasks/{taskId}/complete", """{"variables":{"name":"Tea Co"}}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("'never-saved' has not been saved", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!);
    }

    [Fact]
    public async Task The_latest_version_of_the_form_applies()
    {
        var (client, _, taskId) = await StartAsync("form-latest", "form-latest");
        using var __ = client;
        await client.SaveFormAsync("""{"id":"form-latest","components":[{"type":"number","key":"score","validate":{"required":true}}]}""");

        using var refused = await client.PostJsonTextAsync($"/api/tasks/{taskId}/complete", """{"variables":{"name":"Tea Co"}}""");
        using var accepted = await client.PostJsonTextAsync($"/api/tasks/{taskId}/complete", """{"variables":{"score":7}}""");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "score"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }
}

public sealed class TaskFormValidationTestsOnSqlite(SqliteHostFixture host) : TaskFormValidationTests<SqliteHostFixture>(host);

public sealed class TaskFormValidationTestsOnPostgreSql(PostgresHostFixture host) : TaskFormValidationTests<PostgresHostFixture>(host);
