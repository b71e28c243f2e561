using System.Net;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>Every form of the web app needs its antiforgery token: a POST without it answers 400 and changes nothing.</summary>
public abstract class AntiforgeryTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await WebScenario.PrepareAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Signing_in_without_the_token_is_refused()
    {
        using var session = new WebSession(host);
        await session.GetHtmlAsync("/");

        using var response = await session.PostFormAsync("/", new() { ["UserName"] = "zj-reviewer", ["Password"] = Infrastructure.People.Password }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-status=\"400\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (inbox, _) = await session.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox);
    }

    [Fact]
    public async Task Every_form_of_the_inbox_and_the_task_page_refuses_a_post_without_the_token_and_changes_nothing()
    {
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-CSRF-1");
        using var admin = await WebSession.SignInAsync(host, "zj-admin", Infrastructure.People.Password);
        await admin.GetHtmlAsync($"/tasks/{taskId}");
        var rowsBefore = await host.CountRowsAsync();
        var forms = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/inbox?handler=claim&tab=group", new() { ["taskId"] = taskId.ToString() }),
            ("/inbox?handler=unclaim", new() { ["taskId"] = taskId.ToString() }),
            ("/inbox?handler=assign", new() { ["taskId"] = taskId.ToString(), ["userName"] = "zj-reviewer" }),
            ("/inbox?handler=saveFilter&tab=all", new() { ["name"] = "全部" }),
            ("/inbox?handler=deleteFilter", new() { ["filterId"] = "1" }),
            ($"/tasks/{taskId}?handler=Complete", new() { ["variables"] = """{"score":50}""" }),
            ($"/tasks/{taskId}?handler=Comment", new() { ["body"] = "伪造的评论" }),
            ($"/tasks/{taskId}?handler=Claim", []),
            ($"/tasks/{taskId}?handler=Unclaim", []),
            ($"/tasks/{taskId}?handler=Assign", new() { ["userName"] = "zj-reviewer" }),
            ("/password", new() { ["CurrentPassword"] = Infrastructure.People.Password, ["NewPassword"] = "Other-Pass-2!", ["ConfirmPassword"] = "Other-Pass-2!" }),
            ("/language", new() { ["culture"] = "en" }),
            ("/signout", []),
        };

        foreach (var (path, fields) in forms)
        {
            using var response = await admin.PostFormAsync(path, fields, withToken: false);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token: {(int)response.StatusCode}");
        }

        Assert.Equal(rowsBefore, await host.CountRowsAsync());
        var task = Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!;
        Assert.Null((string?)task["assignee"]);
        // Still signed in, still in Chinese, the password unchanged.
        Assert.Contains("待办任务", await admin.GetHtmlAsync("/inbox"), StringComparison.Ordinal);
        using var again = await WebSession.SignInAsync(host, "zj-admin", Infrastructure.People.Password);
    }

    [Fact]
    public async Task A_token_of_another_session_is_refused()
    {
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-CSRF-2");
        using var attacker = await WebSession.SignInAsync(host, "zj-reviewer2", Infrastructure.People.Password);
        await attacker.GetHtmlAsync("/inbox");
        using var victim = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        await victim.GetHtmlAsync("/inbox");

        using var forged = await victim.PostFormAsync("/inbox?handler=claim", new()
        {
            ["taskId"] = taskId.ToString(),
            ["__RequestVerificationToken"] = attacker.Token!,
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((string?)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["assignee"]);
    }
}

public sealed class AntiforgeryTestsOnSqlite(SqliteHostFixture host) : AntiforgeryTests<SqliteHostFixture>(host);

public sealed class AntiforgeryTestsOnPostgreSql(PostgresHostFixture host) : AntiforgeryTests<PostgresHostFixture>(host);
