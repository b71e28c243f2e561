using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>The inbox page over real HTTP, as a browser uses it (README "Using the web app").</summary>
public abstract class InboxPageTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await WebScenario.PrepareAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_root_is_the_sign_in_page_and_a_signed_in_user_goes_on_to_the_inbox()
    {
        using var anonymous = new WebSession(host);
        var (status, html) = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"sign-in-form\"", html, StringComparison.Ordinal);
        Assert.Contains("登录", html, StringComparison.Ordinal);
        using (var inbox = await anonymous.PostFormAsync("/inbox?handler=claim", [], withToken: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        }

        var (toSignIn, _) = await anonymous.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn);

        using var wrong = await anonymous.PostFormAsync("/", new() { ["UserName"] = "zj-reviewer", ["Password"] = "Wrong-Pass-1!" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        var (again, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, again);
        var inboxHtml = await session.GetHtmlAsync("/inbox");
        Assert.Contains("待办任务", inboxHtml, StringComparison.Ordinal);
        Assert.Contains("zj-reviewer", inboxHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/designer\"", inboxHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reviewer_sees_the_tasks_of_their_province_only_in_every_tab_and_by_id()
    {
        var (_, zjTask) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-SCOPE-1");
        var (_, jsTask) = await WebScenario.StartAsync(host, "js-rice", "2026-JS-SCOPE-1");
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);

        foreach (var tab in new[] { "group", "all" })
        {
            var listed = WebScenario.TaskIds(await session.GetHtmlAsync($"/inbox?tab={tab}"));
            Assert.Contains(zjTask, listed);
            Assert.DoesNotContain(jsTask, listed);
        }

        var (status, html) = await session.GetAsync($"/tasks/{jsTask}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("2026-JS-SCOPE-1", html, StringComparison.Ordinal);
        var (byProvince, jsListed) = await session.GetAsync("/inbox?tab=all&province=JS");
        Assert.Equal(HttpStatusCode.OK, byProvince);
        Assert.Empty(WebScenario.TaskIds(jsListed));
    }

    [Fact]
    public async Task Search_by_business_key_and_applicant_name_matches_wildcards_and_quotes_as_plain_text_within_what_the_user_may_see()
    {
        var (_, tea) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-SEARCH-1", "西湖龙井茶业");
        var (_, percent) = await WebScenario.StartAsync(host, "zj-silk", "2026-ZJ-50%OFF");
        var (_, underscore) = await WebScenario.StartAsync(host, "zj-silk", "2026-ZJ-A_B");
        var (_, jsTea) = await WebScenario.StartAsync(host, "js-rice", "2026-JS-SEARCH-1", "西湖龙井茶业");
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);

        Assert.Equal([tea], await SearchAsync(session, "西湖龙井"));
        Assert.Equal([tea], await SearchAsync(session, "zj-search"));
        Assert.Equal([percent], await SearchAsync(session, "%"));
        Assert.Equal([underscore], await SearchAsync(session, "_"));
        Assert.Empty(await SearchAsync(session, "' OR 1=1 --"));
        Assert.Empty(await SearchAsync(session, "\" OR \"\"=\""));
        Assert.Empty(await SearchAsync(session, "'; DROP TABLE wf_tasks; --"));
        // The organisation that owns a case is its applicant too.
        Assert.Contains(underscore, await SearchAsync(session, "湖州丝绸"));
        Assert.DoesNotContain(jsTea, await SearchAsync(session, "SEARCH"));
        Assert.Contains(jsTea, (await OpenTaskIdsAsync()));
    }

    [Fact]
    public async Task Filters_narrow_by_process_province_year_status_and_due_range()
    {
        var (_, task) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-FILTER-1");
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains(task, await ListAsync(session, "tab=all&process=web-review&province=ZJ"));
        Assert.DoesNotContain(task, await ListAsync(session, "tab=all&process=provincial-review"));
        Assert.Contains(task, await ListAsync(session, $"tab=all&year={today.Year}"));
        Assert.DoesNotContain(task, await ListAsync(session, "tab=all&year=2001"));
        // web-review's first task is due in one day: due soon, not overdue, unassigned.
        Assert.Contains(task, await ListAsync(session, "tab=all&status=due-soon"));
        Assert.DoesNotContain(task, await ListAsync(session, "tab=all&status=overdue"));
        Assert.Contains(task, await ListAsync(session, "tab=all&status=unassigned"));
        Assert.DoesNotContain(task, await ListAsync(session, "tab=all&status=assigned"));
        Assert.Contains(task, await ListAsync(session, $"tab=all&dueFrom={Day(today)}&dueTo={Day(today.AddDays(2))}"));
        Assert.DoesNotContain(task, await ListAsync(session, $"tab=all&dueTo={Day(today.AddDays(-1))}"));
        var html = await session.GetHtmlAsync("/inbox?tab=all&q=2026-ZJ-FILTER-1");
        Assert.Contains("即将到期", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("province=XX", "省份")]
    [InlineData("status=finished", "状态")]
    [InlineData("tab=everything", "标签页")]
    [InlineData("year=abc", "年度")]
    [InlineData("year=1999", "年度")]
    [InlineData("p=0", "页码")]
    [InlineData("dueFrom=2026-05-02&dueTo=2026-05-01", "到期日至")]
    [InlineData("dueFrom=yesterday", "到期日自")]
    public async Task A_bad_filter_value_answers_400_naming_it(string query, string field)
    {
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);

        var (status, html) = await session.GetAsync("/inbox?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"filter-errors\"", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{field}：", html, StringComparison.Ordinal);
        Assert.Empty(WebScenario.TaskIds(html));
    }

    [Fact]
    public async Task A_search_text_over_100_characters_answers_400()
    {
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);

        var (status, html) = await session.GetAsync("/inbox?q=" + new string('x', 101));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<li>搜索：", html, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Guid>> SearchAsync(WebSession session, string text) =>
        await ListAsync(session, "tab=all&q=" + Uri.EscapeDataString(text));

    private static async Task<IReadOnlyList<Guid>> ListAsync(WebSession session, string query) =>
        WebScenario.TaskIds(await session.GetHtmlAsync("/inbox?" + query));

    private async Task<IReadOnlyList<Guid>> OpenTaskIdsAsync()
    {
        using var admin = await host.CreateAdminClientAsync();
        var tasks = await admin.GetFromJsonAsync<JsonArray>("/api/tasks");
        return [.. tasks!.Select(t => (Guid)t!["id"]!)];
    }
}

public sealed class InboxPageTestsOnSqlite(SqliteHostFixture host) : InboxPageTests<SqliteHostFixture>(host);

public sealed class InboxPageTestsOnPostgreSql(PostgresHostFixture host) : InboxPageTests<PostgresHostFixture>(host);
