using System.Net;
using System.Text.RegularExpressions;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>Claim, release and assign from the inbox, saved filters and paging, over real HTTP.</summary>
public abstract partial class InboxActionTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await WebScenario.PrepareAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_reviewer_claims_and_releases_and_the_provincial_administrator_assigns()
    {
        var (caseId, taskId) = await WebScenario.StartAsync(host, "zj-tea", "2026-ZJ-ACT-1");
        using var reviewer = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        var group = await reviewer.GetHtmlAsync("/inbox?tab=group&q=2026-ZJ-ACT-1");
        Assert.Contains(taskId, WebScenario.TaskIds(group));
        Assert.Contains("class=\"small claim\"", group, StringComparison.Ordinal);
        Assert.DoesNotContain("<details class=\"assign\">", group, StringComparison.Ordinal);

        var (claimed, mine, back) = await reviewer.SubmitAsync("/inbox?handler=claim&tab=group&q=2026-ZJ-ACT-1", new() { ["taskId"] = taskId.ToString() });
        Assert.Equal(HttpStatusCode.OK, claimed);
        Assert.Equal("/inbox?tab=group&q=2026-ZJ-ACT-1", back);
        Assert.Contains("已认领任务", mine, StringComparison.Ordinal);
        Assert.Equal([taskId], WebScenario.TaskIds(await reviewer.GetHtmlAsync("/inbox?tab=mine&q=2026-ZJ-ACT-1")));
        Assert.Equal("zj-reviewer", (string?)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["assignee"]);

        // A colleague cannot claim it now: the conflict is reported, nothing changes.
        using var colleague = await WebSession.SignInAsync(host, "zj-reviewer2", Infrastructure.People.Password);
        await colleague.GetHtmlAsync("/inbox");
        var (_, refusedHtml, _) = await colleague.SubmitAsync("/inbox?handler=claim", new() { ["taskId"] = taskId.ToString() });
        Assert.Contains("class=\"problem\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("zj-reviewer", (string?)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["assignee"]);

        await reviewer.SubmitAsync("/inbox?handler=unclaim&tab=mine", new() { ["taskId"] = taskId.ToString() });
        Assert.Null((string?)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["assignee"]);

        using var manager = await WebSession.SignInAsync(host, "zj-admin", Infrastructure.People.Password);
        var all = await manager.GetHtmlAsync("/inbox?tab=all&q=2026-ZJ-ACT-1");
        Assert.Contains("<details class=\"assign\">", all, StringComparison.Ordinal);
        var (_, assignedHtml, _) = await manager.SubmitAsync("/inbox?handler=assign&tab=all", new() { ["taskId"] = taskId.ToString(), ["userName"] = "zj-reviewer2" });
        Assert.Contains("任务已指派给 zj-reviewer2", assignedHtml, StringComparison.Ordinal);
        var (_, outsiderHtml, _) = await manager.SubmitAsync("/inbox?handler=assign&tab=all", new() { ["taskId"] = taskId.ToString(), ["userName"] = "js-reviewer" });
        Assert.Contains("“js-reviewer”无权查看此案件，不能将任务分配给该用户。", outsiderHtml, StringComparison.Ordinal);
        Assert.Equal("zj-reviewer2", (string?)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["assignee"]);

        // A reviewer who is not a manager is refused (403), the task stays with its assignee.
        using var forbidden = await reviewer.PostFormAsync("/inbox?handler=assign", new() { ["taskId"] = taskId.ToString(), ["userName"] = "zj-reviewer" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("zj-reviewer2", (string?)Assert.Single(await WebScenario.OpenTasksAsync(host, caseId))!["assignee"]);
    }

    [Fact]
    public async Task Saved_filters_are_personal_or_shared_with_one_of_the_owners_groups()
    {
        using var owner = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        await owner.GetHtmlAsync("/inbox");
        await owner.SubmitAsync("/inbox?handler=saveFilter&tab=group&status=due-soon", new() { ["name"] = "浙江即将到期", ["sharedGroup"] = "provincial-reviewer:ZJ" });
        await owner.SubmitAsync("/inbox?handler=saveFilter&tab=all&q=%25", new() { ["name"] = "我的百分号" });
        var (_, refusedHtml, _) = await owner.SubmitAsync("/inbox?handler=saveFilter&tab=all", new() { ["name"] = "江苏", ["sharedGroup"] = "provincial-reviewer:JS" });
        Assert.Contains("您不是组“provincial-reviewer:JS”的成员：筛选只能共享给自己所在的组。", refusedHtml, StringComparison.Ordinal);
        var (badFilter, _, _) = await owner.SubmitAsync("/inbox?handler=saveFilter&province=XX", new() { ["name"] = "坏的" });
        Assert.Equal(HttpStatusCode.OK, badFilter);

        var ownerPage = await owner.GetHtmlAsync("/inbox");
        Assert.Contains("href=\"/inbox?tab=group&amp;status=due-soon\">浙江即将到期</a>", ownerPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/inbox?tab=all&amp;q=%25\">我的百分号</a>", ownerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">江苏</a>", ownerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">坏的</a>", ownerPage, StringComparison.Ordinal);

        using var colleague = await WebSession.SignInAsync(host, "zj-reviewer2", Infrastructure.People.Password);
        var colleaguePage = await colleague.GetHtmlAsync("/inbox");
        Assert.Contains(">浙江即将到期</a>", colleaguePage, StringComparison.Ordinal);
        Assert.DoesNotContain("我的百分号", colleaguePage, StringComparison.Ordinal);
        using var stranger = await WebSession.SignInAsync(host, "js-reviewer", Infrastructure.People.Password);
        Assert.DoesNotContain("浙江即将到期", await stranger.GetHtmlAsync("/inbox"), StringComparison.Ordinal);

        // Only the owner deletes: for anyone else the filter does not exist.
        var sharedId = SharedFilterId().Match(ownerPage).Groups[1].Value;
        using (var notYours = await colleague.PostFormAsync("/inbox?handler=deleteFilter", new() { ["filterId"] = sharedId }))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        }

        await owner.SubmitAsync("/inbox?handler=deleteFilter", new() { ["filterId"] = sharedId });
        Assert.DoesNotContain("浙江即将到期", await colleague.GetHtmlAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_pages_by_twenty_tasks()
    {
        var started = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            started.Add((await WebScenario.StartAsync(host, "zj-silk", $"2026-ZJ-PAGE-{i:D2}")).TaskId);
        }

        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);
        var first = await session.GetHtmlAsync("/inbox?tab=group&q=2026-ZJ-PAGE");
        var second = await session.GetHtmlAsync("/inbox?tab=group&q=2026-ZJ-PAGE&p=2");

        Assert.Equal(20, WebScenario.TaskIds(first).Count);
        Assert.Contains("第 1 / 2 页，共 23 项", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/inbox?tab=group&amp;q=2026-ZJ-PAGE&amp;p=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(3, WebScenario.TaskIds(second).Count);
        Assert.Equal(started.Order(), WebScenario.TaskIds(first).Concat(WebScenario.TaskIds(second)).Order());
    }

    [GeneratedRegex(">浙江即将到期</a>[\\s\\S]*?name=\"filterId\" value=\"(\\d+)\"")]
    private static partial Regex SharedFilterId();
}

public sealed class InboxActionTestsOnSqlite(SqliteHostFixture host) : InboxActionTests<SqliteHostFixture>(host);

public sealed class InboxActionTestsOnPostgreSql(PostgresHostFixture host) : InboxActionTests<PostgresHostFixture>(host);
