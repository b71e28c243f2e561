using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.People;

public abstract class ProvinceScopingTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_case_belongs_to_the_applicants_province_and_its_reviewers_find_claim_and_complete_its_task()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-TEA-1");
        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);

        var candidate = (await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks?candidate=true", TestContext.Current.CancellationToken))!;
        var task = Assert.Single(candidate, t => (Guid)t!["id"]! == taskId)!;
        Assert.Equal(["provincial-reviewer:ZJ"], task["candidateGroups"]!.AsArray().Select(g => (string)g!));
        var view = (await reviewer.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken))!;
        Assert.Equal("ZJ", (string?)view["province"]);
        Assert.Equal("ZJ-TEA", (string?)view["organisationCode"]);
        Assert.Equal("ZJ", (string?)view["variables"]!["province"]);

        using (var claimed = await reviewer.PostAsync($"/api/tasks/{taskId}/claim", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, claimed.StatusCode);
        }

        using (var completed = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var finished = (await applicant.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken))!;
        Assert.Equal("completed", (string?)finished["status"]);
    }

    [Fact]
    public async Task A_reviewer_of_another_province_gets_the_same_404_as_for_a_case_that_does_not_exist()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-TEA-2");
        using var stranger = await host.CreateClientAsync("js-reviewer", Infrastructure.People.Password);

        using var hidden = await stranger.GetAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken);
        var hiddenProblem = await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
        var missingId = Guid.NewGuid();
        using var missing = await stranger.GetAsync($"/api/cases/{missingId}", TestContext.Current.CancellationToken);
        var missingProblem = await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(((string)missingProblem["detail"]!).Replace(missingId.ToString(), "ID", StringComparison.Ordinal),
            ((string)hiddenProblem["detail"]!).Replace(caseId.ToString(), "ID", StringComparison.Ordinal));

        foreach (var path in new[] { "/api/tasks", "/api/tasks?candidate=true", $"/api/tasks?caseId={caseId}" })
        {
            var listed = await stranger.GetStringAsync(path, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(taskId.ToString(), listed, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("2026-ZJ-TEA-2", listed, StringComparison.Ordinal);
        }

        using var claim = await stranger.PostAsync($"/api/tasks/{taskId}/claim", null, TestContext.Current.CancellationToken);
        await claim.AssertProblemAsync(HttpStatusCode.NotFound);
        using var history = await stranger.GetAsync($"/api/cases/{caseId}/history", TestContext.Current.CancellationToken);
        await history.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_applicant_sees_its_own_cases_but_not_another_applicants_in_the_same_province()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-TEA-3");
        using var owner = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        using var neighbour = await host.CreateClientAsync("zj-silk", Infrastructure.People.Password);

        using (var own = await owner.GetAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var notTheirs = await neighbour.GetAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken))
        {
            await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain(taskId.ToString(), await neighbour.GetStringAsync("/api/tasks", TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);

        // The owner sees the task but is not its candidate.
        using var claim = await owner.PostAsync($"/api/tasks/{taskId}/claim", null, TestContext.Current.CancellationToken);
        var problem = await claim.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("candidate", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expert_of_another_province_sees_the_case_while_a_task_of_it_waits_for_them()
    {
        using var admin = await host.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/admin/organisations",
            new { code = "BJ-EXPERTS", name = "北京商标专家委员会", kind = "expert-body", province = "BJ" }, TestContext.Current.CancellationToken)).Dispose();
        (await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "bj-expert", password = Infrastructure.People.Password, organisationCode = "BJ-EXPERTS", roles = new[] { "expert" },
        }, TestContext.Current.CancellationToken)).Dispose();
        (await admin.DeployAsync(Api.Bpmn("expert-review.bpmn"))).Dispose();
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        using var started = await applicant.PostAsJsonAsync("/api/cases", new { definitionKey = "expert-review" }, TestContext.Current.CancellationToken);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        using var expert = await host.CreateClientAsync("bj-expert", Infrastructure.People.Password);

        var task = Assert.Single((await expert.GetFromJsonAsync<JsonArray>("/api/tasks?candidate=true", TestContext.Current.CancellationToken))!)!;
        Assert.Equal(caseId, (Guid)task["caseId"]!);
        using (var view = await expert.GetAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        using (var completed = await expert.PostAsJsonAsync($"/api/tasks/{(Guid)task["id"]!}/complete", new { variables = new { opinion = "sound" } }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        using var afterwards = await expert.GetAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken);
        await afterwards.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_candidate_starters_may_start_the_process()
    {
        using var reviewer = await host.CreateClientAsync("js-reviewer", Infrastructure.People.Password);
        var before = await host.CountRowsAsync();

        using var started = await reviewer.PostAsJsonAsync("/api/cases", new { definitionKey = "provincial-review" }, TestContext.Current.CancellationToken);

        var problem = await started.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("candidate starter", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task An_applicant_may_not_start_a_case_for_another_organisation_nor_set_the_province_itself()
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);

        using var forOther = await applicant.PostAsJsonAsync("/api/cases",
            new { definitionKey = "provincial-review", organisationCode = "JS-RICE" }, TestContext.Current.CancellationToken);
        await forOther.AssertProblemAsync(HttpStatusCode.Forbidden);

        using var rerouted = await applicant.PostAsJsonAsync("/api/cases",
            new { definitionKey = "provincial-review", variables = new { province = "JS" } }, TestContext.Current.CancellationToken);
        var problem = await rerouted.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'province' is set by the host", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_a_task_may_not_move_the_case_to_another_province()
    {
        var (_, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-TEA-4");
        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);

        using var completed = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { variables = new { province = "JS" } }, TestContext.Current.CancellationToken);

        var problem = await completed.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("variables.province", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains(taskId, (await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks?candidate=true", TestContext.Current.CancellationToken))!
            .Select(t => (Guid)t!["id"]!));
    }
}

public sealed class ProvinceScopingTestsOnSqlite(SqliteHostFixture host) : ProvinceScopingTests<SqliteHostFixture>(host);

public sealed class ProvinceScopingTestsOnPostgreSql(PostgresHostFixture host) : ProvinceScopingTests<PostgresHostFixture>(host);
