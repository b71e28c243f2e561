using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Definitions;

/// <summary>Deploying a new version says what changed, the versions list counts their cases, and racing deploys are told.</summary>
public abstract class DeploymentLifecycleTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static string Approval(string key, string taskName, string candidateGroups = "national-admin") =>
        Api.Bpmn("approval.bpmn")
            .Replace("id=\"approval\"", $"id=\"{key}\"", StringComparison.Ordinal)
            .Replace("Review the application", taskName, StringComparison.Ordinal)
            .Replace("camunda:candidateGroups=\"national-admin\"", $"camunda:candidateGroups=\"{candidateGroups}\"", StringComparison.Ordinal);

    private static Task<HttpResponseMessage> DeployAsync(HttpClient client, string xml, int? basedOnVersion) =>
        client.PostAsync(basedOnVersion is null ? "/api/definitions" : $"/api/definitions?basedOnVersion={basedOnVersion}",
            new StringContent(xml, Encoding.UTF8, "application/xml"));

    [Fact]
    public async Task A_new_version_lists_the_elements_added_removed_and_changed_since_the_previous_one()
    {
        using var client = await host.CreateAdminClientAsync();
        await client.SaveFormAsync(Api.ReviewForm);
        using (var first = await DeployAsync(client, Approval("changing", "First review"), basedOnVersion: 0))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            var body = await first.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            Assert.Null((int?)body!["previousVersion"]);
            Assert.Empty(body["changes"]!.AsArray());
        }

        var next = Approval("changing", "Second review", "provincial-reviewer")
            .Replace("<bpmn:endEvent id=\"End\" />", "<bpmn:endEvent id=\"Done\" name=\"Done\" />", StringComparison.Ordinal)
            .Replace("targetRef=\"End\"", "targetRef=\"Done\"", StringComparison.Ordinal);
        using var second = await DeployAsync(client, next, basedOnVersion: 1);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var deployed = await second.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(2, (int)deployed!["version"]!);
        Assert.Equal(1, (int?)deployed["previousVersion"]);
        var changes = deployed["changes"]!.AsArray()
            .Select(c => $"{(string?)c!["changeKind"]} {(string?)c["kind"]} {(string?)c["elementId"]}: {string.Join("; ", c["details"]!.AsArray().Select(d => (string?)d))}")
            .ToList();
        Assert.Equal(
            [
                "changed userTask Review: name: First review → Second review; camunda:candidateGroups: national-admin → provincial-reviewer",
                "changed sequenceFlow Flow_2: targetRef: End → Done",
                "added endEvent Done: ",
                "removed endEvent End: ",
            ],
            changes);
    }

    [Fact]
    public async Task The_versions_list_counts_the_active_and_completed_cases_of_each_version()
    {
        using var client = await host.CreateAdminClientAsync();
        await client.SaveFormAsync(Api.ReviewForm);
        using (var first = await client.DeployAsync(Approval("counted", "First review")))
        {
            Assert.True(first.IsSuccessStatusCode);
        }

        var onFirst = await StartAsync(client, "counted");
        await StartAsync(client, "counted");
        using (var completed = await client.PostAsJsonAsync($"/api/tasks/{await OpenTaskAsync(client, onFirst)}/complete", new { variables = new { approved = true } }, TestContext.Current.CancellationToken))
        {
            Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using (var second = await client.DeployAsync(Approval("counted", "Second review")))
        {
            Assert.True(second.IsSuccessStatusCode);
        }

        await StartAsync(client, "counted");

        var versions = await client.GetFromJsonAsync<JsonArray>("/api/definitions/counted/versions", TestContext.Current.CancellationToken);
        Assert.Equal(["2: 1 active, 0 completed", "1: 1 active, 1 completed"],
            versions!.Select(v => $"{(int)v!["version"]!}: {(int)v["activeCases"]!} active, {(int)v["completedCases"]!} completed"));
    }

    [Fact]
    public async Task Of_two_administrators_deploying_the_same_key_at_once_one_wins_and_the_other_is_told_409()
    {
        using var client = await host.CreateAdminClientAsync();
        await client.SaveFormAsync(Api.ReviewForm);
        using (var first = await DeployAsync(client, Approval("raced", "Original"), basedOnVersion: 0))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var other = await host.CreateAdminClientAsync();
        var deploys = await Task.WhenAll(
            DeployAsync(client, Approval("raced", "Edited by one"), basedOnVersion: 1),
            DeployAsync(other, Approval("raced", "Edited by the other"), basedOnVersion: 1));

        try
        {
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], deploys.Select(d => d.StatusCode).Order());
            var loser = deploys.Single(d => d.StatusCode == HttpStatusCode.Conflict);
            var problem = await loser.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("Someone else deployed 'raced' version 2 after version 1, which this file was made from: open the latest version and deploy again.",
                (string?)problem["detail"]);
            var versions = await client.GetFromJsonAsync<JsonArray>("/api/definitions/raced/versions", TestContext.Current.CancellationToken);
            Assert.Equal([2, 1], versions!.Select(v => (int)v!["version"]!));
        }
        finally
        {
            foreach (var deploy in deploys)
            {
                deploy.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_deploy_made_from_an_older_version_is_refused_and_stores_nothing()
    {
        using var client = await host.CreateAdminClientAsync();
        await client.SaveFormAsync(Api.ReviewForm);
        using (var first = await DeployAsync(client, Approval("stale", "One"), basedOnVersion: 0))
        using (var second = await DeployAsync(client, Approval("stale", "Two"), basedOnVersion: 1))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        var before = await host.CountRowsAsync();
        using var stale = await DeployAsync(client, Approval("stale", "Three"), basedOnVersion: 1);
        using var negative = await DeployAsync(client, Approval("stale", "Three"), basedOnVersion: -1);

        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        await negative.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_file_that_is_xml_but_not_bpmn_is_refused_naming_its_root_element()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.DeployAsync("<html><body>not a process</body></html>");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.BpmnErrors(), e => e.Message.StartsWith("the root element is <html>", StringComparison.Ordinal));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    private static async Task<Guid> StartAsync(HttpClient client, string key)
    {
        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = key }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
    }

    private static async Task<Guid> OpenTaskAsync(HttpClient client, Guid caseId) =>
        (Guid)Assert.Single((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", TestContext.Current.CancellationToken))!)!["id"]!;
}

public sealed class DeploymentLifecycleTestsOnSqlite(SqliteHostFixture host) : DeploymentLifecycleTests<SqliteHostFixture>(host);

public sealed class DeploymentLifecycleTestsOnPostgreSql(PostgresHostFixture host) : DeploymentLifecycleTests<PostgresHostFixture>(host);
