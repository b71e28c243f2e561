using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.People;

public abstract class TaskRulesTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_claimed_task_is_completed_only_by_its_assignee_or_by_a_national_administrator_on_their_behalf()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-RULES-1");
        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);
        using var colleague = await host.CreateClientAsync("zj-reviewer2", Infrastructure.People.Password);
        using var admin = await host.CreateAdminClientAsync();
        (await reviewer.PostAsync($"/api/tasks/{taskId}/claim", null, TestContext.Current.CancellationToken)).Dispose();

        using (var byColleague = await colleague.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { } }, TestContext.Current.CancellationToken))
        {
            var problem = await byColleague.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("claimed by zj-reviewer", (string?)problem["detail"], StringComparison.Ordinal);
        }

        using (var byAdmin = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = false } }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
        }

        var history = (await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/history", TestContext.Current.CancellationToken))!;
        var completion = Assert.Single(history, h => (string?)h!["kind"] == "task-completed")!;
        Assert.Equal("admin", (string?)completion["userId"]);
        Assert.Equal("zj-reviewer", (string?)completion["data"]!["onBehalfOf"]);
    }

    [Fact]
    public async Task The_provincial_administrator_assigns_within_the_province_and_a_national_administrator_releases_on_behalf()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-RULES-2");
        using var zjAdmin = await host.CreateClientAsync("zj-admin", Infrastructure.People.Password);
        using var jsAdmin = await host.CreateClientAsync("js-admin", Infrastructure.People.Password);
        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);

        using (var assigned = await zjAdmin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "zj-reviewer2" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        }

        using (var outsider = await zjAdmin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "js-reviewer" }, TestContext.Current.CancellationToken))
        {
            var problem = await outsider.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("may not see this case", problem["errors"]!["userName"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var otherProvince = await jsAdmin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "js-reviewer" }, TestContext.Current.CancellationToken))
        {
            await otherProvince.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var notManager = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "zj-reviewer" }, TestContext.Current.CancellationToken))
        {
            await notManager.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var release = await reviewer.PostAsync($"/api/tasks/{taskId}/unclaim", null, TestContext.Current.CancellationToken))
        {
            await release.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var admin = await host.CreateAdminClientAsync();
        using (var released = await admin.PostAsync($"/api/tasks/{taskId}/unclaim", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        }

        var history = (await admin.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/history", TestContext.Current.CancellationToken))!;
        var assignment = Assert.Single(history, h => (string?)h!["kind"] == "task-assigned")!;
        Assert.Equal("zj-admin", (string?)assignment["userId"]);
        Assert.Equal("zj-reviewer2", (string?)assignment["data"]!["assignee"]);
        var release2 = Assert.Single(history, h => (string?)h!["kind"] == "task-unclaimed")!;
        Assert.Equal("admin", (string?)release2["userId"]);
        Assert.Equal("zj-reviewer2", (string?)release2["data"]!["onBehalfOf"]);
        var task = Assert.Single((await reviewer.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", TestContext.Current.CancellationToken))!)!;
        Assert.Null(task["assignee"]);
    }

    [Fact]
    public async Task Assigning_to_a_user_who_does_not_exist_is_a_400_that_changes_nothing()
    {
        var (_, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-RULES-3");
        using var admin = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "nobody-here" }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("No user named 'nobody-here'", problem["errors"]!["userName"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }
}

public sealed class TaskRulesTestsOnSqlite(SqliteHostFixture host) : TaskRulesTests<SqliteHostFixture>(host);

public sealed class TaskRulesTestsOnPostgreSql(PostgresHostFixture host) : TaskRulesTests<PostgresHostFixture>(host);
