using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Cases;

/// <summary>
/// The case view (README "Case view") of a case that calls another through a call activity: where each waits (a
/// called case; a person, a reminder timer and a withdrawal message), parent and child, the timeline with an
/// administrator's on-behalf completion, and the diagram's marks; then the page that shows it.
/// </summary>
public abstract class CaseViewTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Fixture(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Cases", fileName));

    private async Task<(HttpClient Admin, Guid ParentId, Guid ChildId)> StartApplicationAsync(string businessKey)
    {
        var admin = await host.CreateAdminClientAsync();
        foreach (var file in new[] { "expert-opinion.bpmn", "application-with-expert.bpmn" })
        {
            using var deployed = await admin.DeployAsync(Fixture(file));
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        using var started = await admin.PostAsJsonAsync("/api/cases",
            new { definitionKey = "application-with-expert", businessKey, variables = new { expert = "li-wei", brand = "西湖龙井" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var parentId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
        var view = await ViewAsync(admin, parentId);
        var child = Assert.Single(view["children"]!.AsArray())!;
        return (admin, parentId, (Guid)child["id"]!);
    }

    private static async Task<JsonObject> ViewAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}/view", Cancel))!;

    [Fact]
    public async Task The_calling_case_waits_for_the_case_it_called_and_shows_it_as_a_child()
    {
        var (admin, parentId, childId) = await StartApplicationAsync("2026-CALL-1");
        using var _ = admin;

        var parent = await ViewAsync(admin, parentId);

        Assert.Equal("active", (string?)parent["status"]);
        Assert.Equal("品牌申报", (string?)parent["processName"]);
        var child = Assert.Single(parent["children"]!.AsArray())!;
        Assert.Equal("expert-opinion", (string?)child["definitionKey"]);
        Assert.Equal("AskExpert", (string?)child["calledFrom"]);
        var wait = Assert.Single(parent["waitingFor"]!.AsArray())!;
        Assert.Equal("called-case", (string?)wait["kind"]);
        Assert.Equal("征求专家意见", (string?)wait["elementName"]);
        Assert.Equal(childId, (Guid)wait["caseId"]!);
        Assert.Equal(["AskExpert"], parent["diagram"]!["activeElementIds"]!.AsArray().Select(e => (string?)e));
        Assert.Equal(["Start"], parent["diagram"]!["completedElementIds"]!.AsArray().Select(e => (string?)e));
        Assert.Contains(parent["variables"]!.AsArray(), v => (string?)v!["name"] == "brand" && (string?)v["text"] == "西湖龙井");
        Assert.Null(parent["parent"]);
    }

    [Fact]
    public async Task The_called_case_shows_its_parent_and_waits_for_a_person_a_timer_and_a_message()
    {
        var (admin, parentId, childId) = await StartApplicationAsync("2026-CALL-2");
        using var _ = admin;
        var now = TimeProvider.System.GetUtcNow();

        var child = await ViewAsync(admin, childId);

        Assert.Equal(parentId, (Guid)child["parent"]!["id"]!);
        var waits = child["waitingFor"]!.AsArray().Select(w => w!.AsObject()).ToList();
        var task = Assert.Single(waits, w => (string?)w["kind"] == "task");
        Assert.Equal("专家评审", (string?)task["elementName"]);
        Assert.Equal("li-wei", (string?)task["assignee"]);
        var timer = Assert.Single(waits, w => (string?)w["kind"] == "timer");
        Assert.Equal("Reminder", (string?)timer["elementId"]);
        var due = (DateTimeOffset)timer["dueAt"]!;
        Assert.InRange(due, now.AddDays(3).AddMinutes(-5), now.AddDays(3).AddMinutes(5));
        var message = Assert.Single(waits, w => (string?)w["kind"] == "message");
        Assert.Equal("withdraw", (string?)message["name"]);
        Assert.Equal("申请撤回", (string?)message["elementName"]);
        Assert.Equal(["GiveOpinion"], child["diagram"]!["activeElementIds"]!.AsArray().Select(e => (string?)e));
    }

    [Fact]
    public async Task An_administrators_completion_for_the_assignee_is_in_the_timeline_and_the_parent_runs_to_its_end()
    {
        var (admin, parentId, childId) = await StartApplicationAsync("2026-CALL-3");
        using var _ = admin;
        var taskId = (Guid)(await ViewAsync(admin, childId))["waitingFor"]!.AsArray().Single(w => (string?)w!["kind"] == "task")!["taskId"]!;

        using (var completed = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { opinion = "同意" } }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        var child = await ViewAsync(admin, childId);
        Assert.Equal("completed", (string?)child["status"]);
        var completion = Assert.Single(child["history"]!.AsArray(), e => (string?)e!["kind"] == "task-completed")!;
        Assert.Equal("admin", (string?)completion["userId"]);
        Assert.Equal("li-wei", (string?)completion["onBehalfOf"]);
        Assert.Equal("专家评审", (string?)completion["elementName"]);
        Assert.Empty(child["waitingFor"]!.AsArray());

        var parent = await ViewAsync(admin, parentId);
        Assert.Equal("completed", (string?)parent["status"]);
        Assert.Equal("completed", (string?)Assert.Single(parent["children"]!.AsArray())!["status"]);
        Assert.Equal(["Start", "AskExpert", "End"], parent["diagram"]!["completedElementIds"]!.AsArray().Select(e => (string?)e));
        Assert.Empty(parent["diagram"]!["activeElementIds"]!.AsArray());
    }

    [Fact]
    public async Task The_page_shows_the_case_in_chinese_with_the_on_behalf_completion_and_its_diagram_marks()
    {
        var (admin, _, childId) = await StartApplicationAsync("2026-CALL-4");
        using var __ = admin;
        var taskId = (Guid)(await ViewAsync(admin, childId))["waitingFor"]!.AsArray().Single(w => (string?)w!["kind"] == "task")!["taskId"]!;
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { opinion = "同意" } }, Cancel)).Dispose();
        using var browser = await BrowserLikeClient.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);

        var html = await browser.GetStringAsync($"/cases/{childId}", Cancel);

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("办理历程", html, StringComparison.Ordinal);
        Assert.Contains("已办结", html, StringComparison.Ordinal);
        Assert.Contains("完成任务", html, StringComparison.Ordinal);
        Assert.Contains("(代 li-wei)", html, StringComparison.Ordinal);
        Assert.Contains("上级案件", html, StringComparison.Ordinal);
        Assert.Contains("data-completed=\"[&quot;OpinionStart&quot;,&quot;GiveOpinion&quot;,&quot;OpinionEnd&quot;]\"", html, StringComparison.Ordinal);

        var english = await EnglishPageAsync($"/cases/{childId}");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("on behalf of li-wei", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_and_the_view_are_a_404_for_a_visitor_who_may_not_see_the_case_and_ask_a_stranger_to_sign_in()
    {
        await Infrastructure.People.ProvisionAsync(host);
        var (caseId, _) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-VIEW-1");
        using var stranger = await BrowserLikeClient.SignInAsync(host, "js-reviewer", Infrastructure.People.Password);

        using (var page = await stranger.GetAsync($"/cases/{caseId}", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("2026-ZJ-VIEW-1", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var view = await stranger.GetAsync($"/api/cases/{caseId}/view", Cancel))
        {
            await view.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var anonymous = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var signIn = await anonymous.GetAsync($"/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("ReturnUrl=%2Fcases%2F", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A page as the administrator sees it after choosing English (the language cookie the switch writes).</summary>
    private async Task<string> EnglishPageAsync(string path)
    {
        var cookies = new System.Net.CookieContainer();
        cookies.Add(host.BaseAddress, new System.Net.Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.BaseAddress };
        using (var signedIn = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel))
        {
            signedIn.EnsureSuccessStatusCode();
        }

        return await client.GetStringAsync(path, Cancel);
    }
}

public sealed class CaseViewTestsOnSqlite(SqliteHostFixture host) : CaseViewTests<SqliteHostFixture>(host);

public sealed class CaseViewTestsOnPostgreSql(PostgresHostFixture host) : CaseViewTests<PostgresHostFixture>(host);
