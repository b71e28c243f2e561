using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Features.Web;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Tasks;

/// <summary>
/// The tasks a user may claim (<c>GET /api/tasks?candidate=true</c> and the inbox's group tab): listed by any of the
/// user's names (their groups and themselves), each task once, in the list's order; gone while someone holds the task
/// and back when it is released. On PostgreSQL these lists are read from the candidates index the engine keeps
/// (engine migration 0008), on SQLite from the tasks' own lists: both must show the same.
/// </summary>
public abstract class ClaimableTasksTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync()
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        using var deployed = await admin.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Tasks", "claimable.bpmn")));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Claimable_tasks_are_listed_once_in_order_and_leave_the_list_while_claimed()
    {
        // Started in this order; zj-reviewer is in provincial-reviewer and provincial-reviewer:ZJ.
        var both = await StartAsync("2026-ZJ-CLAIM-BOTH", "provincial-reviewer:ZJ,provincial-reviewer", "zj-reviewer", "2031-01-03T00:00:00Z");
        var otherProvince = await StartAsync("2026-ZJ-CLAIM-JS", "provincial-reviewer:JS", "", "2031-01-01T00:00:00Z");
        var userOnly = await StartAsync("2026-ZJ-CLAIM-USER", "", "zj-reviewer", "");
        var group = await StartAsync("2026-ZJ-CLAIM-GROUP", "provincial-reviewer:ZJ", "", "2031-01-02T00:00:00Z");
        Guid[] started = [both, otherProvince, userOnly, group];
        using var reviewer = await host.CreateClientAsync("zj-reviewer", Infrastructure.People.Password);
        using var page = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);

        // Oldest first in the API; due first, undated last, in the inbox. The task of another province's group is
        // visible to the provincial reviewer (a case of their province) but not theirs to claim.
        Assert.Equal([both, userOnly, group], await ClaimableAsync(reviewer, started));
        Assert.Equal([group, both, userOnly], await GroupTabAsync(page, started));
        Assert.Contains(otherProvince, await ListedAsync(page, "/inbox?tab=all&q=2026-ZJ-CLAIM", started));

        await PostAsync(reviewer, $"/api/tasks/{both}/claim");
        Assert.Equal([userOnly, group], await ClaimableAsync(reviewer, started));
        Assert.Equal([group, userOnly], await GroupTabAsync(page, started));
        Assert.Equal([both], await ListedAsync(page, "/inbox?tab=mine&q=2026-ZJ-CLAIM", started));

        await PostAsync(reviewer, $"/api/tasks/{both}/unclaim");
        Assert.Equal([both, userOnly, group], await ClaimableAsync(reviewer, started));
        Assert.Equal([group, both, userOnly], await GroupTabAsync(page, started));

        // A colleague takes one and completes it: it is gone for good.
        using var colleague = await host.CreateClientAsync("zj-reviewer2", Infrastructure.People.Password);
        Assert.Equal([both, group], await ClaimableAsync(colleague, started));
        await PostAsync(colleague, $"/api/tasks/{group}/claim");
        Assert.Equal([both, userOnly], await ClaimableAsync(reviewer, started));
        using (var completed = await colleague.PostAsJsonAsync($"/api/tasks/{group}/complete", new { variables = new { } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        Assert.Equal([both, userOnly], await ClaimableAsync(reviewer, started));
        Assert.Equal([both, userOnly], await GroupTabAsync(page, started));
        // A reviewer of Jiangsu may claim what names their province's group or every provincial reviewer.
        using var other = await host.CreateClientAsync("js-reviewer", Infrastructure.People.Password);
        Assert.Equal([both, otherProvince], await ClaimableAsync(other, started));
    }

    private async Task<Guid> StartAsync(string businessKey, string groups, string users, string due)
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        using var response = await applicant.PostAsJsonAsync("/api/cases", new
        {
            definitionKey = "claimable",
            businessKey,
            variables = new { groups, users, due },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var caseId = (Guid)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        return (Guid)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["id"]!;
    }

    private static async Task PostAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<IReadOnlyList<Guid>> ClaimableAsync(HttpClient client, Guid[] started)
    {
        var tasks = await client.GetFromJsonAsync<JsonArray>("/api/tasks?candidate=true");
        var ids = tasks!.Select(t => (Guid)t!["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return [.. ids.Where(started.Contains)];
    }

    private static Task<IReadOnlyList<Guid>> GroupTabAsync(WebSession page, Guid[] started) =>
        ListedAsync(page, "/inbox?tab=group", started);

    private static async Task<IReadOnlyList<Guid>> ListedAsync(WebSession page, string path, Guid[] started)
    {
        var ids = WebScenario.TaskIds(await page.GetHtmlAsync(path));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return [.. ids.Where(started.Contains)];
    }
}

public sealed class ClaimableTasksTestsOnSqlite(SqliteHostFixture host) : ClaimableTasksTests<SqliteHostFixture>(host);

public sealed class ClaimableTasksTestsOnPostgreSql(PostgresHostFixture host) : ClaimableTasksTests<PostgresHostFixture>(host);
