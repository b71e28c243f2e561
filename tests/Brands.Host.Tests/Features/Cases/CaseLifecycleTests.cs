using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Cases;

public abstract class CaseLifecycleTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task A_deployed_process_runs_from_start_through_a_claimed_task_to_completion()
    {
        using var client = await host.CreateAdminClientAsync();

        // A key of its own, so this first deployment is version 1 whatever the class's other tests deployed.
        var xml = Api.Bpmn("approval.bpmn").Replace("id=\"approval\"", "id=\"lifecycle\"", StringComparison.Ordinal);
        await client.SaveFormAsync(Api.ReviewForm);
        using var deployed = await client.DeployAsync(xml);
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);
        var definition = (await deployed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("lifecycle", (string?)definition["key"]);
        Assert.Equal(1, (int)definition["version"]!);
        Assert.Equal("/api/definitions/lifecycle/xml", deployed.Headers.Location?.OriginalString);

        using var started = await client.PostAsJsonAsync("/api/cases",
            new { definitionKey = "lifecycle", businessKey = "2025-ENT-ZJ-0012", variables = new { applicant = "Hangzhou Tea Co." } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var createdCase = (await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        var caseId = (Guid)createdCase["id"]!;
        Assert.Equal("2025-ENT-ZJ-0012", (string?)createdCase["businessKey"]);
        Assert.Equal("active", (string?)createdCase["status"]);
        Assert.Equal($"/api/cases/{caseId}", started.Headers.Location?.OriginalString);

        var candidateTasks = (await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}&candidate=true", TestContext.Current.CancellationToken))!;
        var task = Assert.Single(candidateTasks)!.AsObject();
        Assert.Equal("Review", (string?)task["elementId"]);
        Assert.Equal("Review the application", (string?)task["name"]);
        Assert.Equal("review-form", (string?)task["formRef"]);
        Assert.Equal(["national-admin"], task["candidateGroups"]!.AsArray().Select(g => (string)g!));
        Assert.Null(task["assignee"]);
        var taskId = (Guid)task["id"]!;

        using (var claimed = await client.PostAsync($"/api/tasks/{taskId}/claim", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        }

        var mine = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?mine=true", TestContext.Current.CancellationToken))!;
        Assert.Equal("admin", (string?)Assert.Single(mine, t => (Guid)t!["id"]! == taskId)!["assignee"]);

        using (var completed = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        var finished = (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken))!;
        Assert.Equal("completed", (string?)finished["status"]);
        Assert.Equal("lifecycle", (string?)finished["definitionKey"]);
        Assert.Equal(1, (int)finished["definitionVersion"]!);
        Assert.Empty(finished["activeElementIds"]!.AsArray());
        Assert.True((bool)finished["variables"]!["approved"]!);
        Assert.Equal("Hangzhou Tea Co.", (string?)finished["variables"]!["applicant"]);
        Assert.NotNull(finished["endedAt"]);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", TestContext.Current.CancellationToken))!);

        var history = (await client.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/history", TestContext.Current.CancellationToken))!;
        var sequence = history.Select(h => (long)h!["sequence"]!).ToList();
        Assert.NotEmpty(sequence);
        Assert.Equal(sequence.Order(), sequence);
        Assert.Contains(history, h => (string?)h!["userId"] == "admin");
    }

    [Fact]
    public async Task Deploying_identical_xml_again_answers_200_with_the_same_version()
    {
        using var client = await host.CreateAdminClientAsync();
        using var first = await client.DeployAsync(Api.Bpmn("approval.bpmn"));
        var firstBody = (await first.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;

        using var again = await client.DeployAsync(Api.Bpmn("approval.bpmn"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var againBody = (await again.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal((string?)firstBody["id"], (string?)againBody["id"]);
        Assert.Equal((int)firstBody["version"]!, (int)againBody["version"]!);
        var listed = (await client.GetFromJsonAsync<JsonArray>("/api/definitions", TestContext.Current.CancellationToken))!;
        Assert.Equal((int)firstBody["version"]!, (int)Assert.Single(listed, d => (string?)d!["key"] == "approval")!["version"]!);
        Assert.Equal(Api.Bpmn("approval.bpmn"), await client.GetStringAsync("/api/definitions/approval/xml", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unclaimed_task_returns_to_the_candidates()
    {
        using var client = await host.CreateAdminClientAsync();
        var (_, taskId) = await client.StartApprovalCaseAsync();
        using (var claimed = await client.PostAsync($"/api/tasks/{taskId}/claim", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        }

        using var unclaimed = await client.PostAsync($"/api/tasks/{taskId}/unclaim", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, unclaimed.StatusCode);
        var candidates = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?candidate=true", TestContext.Current.CancellationToken))!;
        Assert.Null(Assert.Single(candidates, t => (Guid)t!["id"]! == taskId)!["assignee"]);
    }

    [Fact]
    public async Task The_task_list_pages_oldest_first_and_refuses_a_page_size_out_of_range()
    {
        using var client = await host.CreateAdminClientAsync();
        var xml = Api.Bpmn("approval.bpmn").Replace("id=\"approval\"", "id=\"paging\"", StringComparison.Ordinal);
        await client.SaveFormAsync(Api.ReviewForm);
        using (await client.DeployAsync(xml))
        {
        }

        var all = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = "paging", businessKey = $"PAGING-{i}" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        var everything = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?maxResults=500", TestContext.Current.CancellationToken))!;
        all.AddRange(everything.Select(t => (Guid)t!["id"]!));
        var first = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?maxResults=2", TestContext.Current.CancellationToken))!;
        var second = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?firstResult=2&maxResults=2", TestContext.Current.CancellationToken))!;
        Assert.Equal(all.Take(4), first.Concat(second).Select(t => (Guid)t!["id"]!));

        foreach (var (query, field) in new[] { ("maxResults=0", "maxResults"), ("maxResults=501", "maxResults"), ("firstResult=-1", "firstResult") })
        {
            using var refused = await client.GetAsync($"/api/tasks?{query}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    [Fact]
    public async Task A_case_that_does_not_exist_is_a_404_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        using var response = await client.GetAsync($"/api/cases/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class CaseLifecycleTestsOnSqlite(SqliteHostFixture host) : CaseLifecycleTests<SqliteHostFixture>(host);

public sealed class CaseLifecycleTestsOnPostgreSql(PostgresHostFixture host) : CaseLifecycleTests<PostgresHostFixture>(host);
