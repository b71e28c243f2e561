using System.Net;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Web;

/// <summary>The inbox's refusals of a bad filter as a user reads them: in Chinese on the Chinese page, in English on the English one.</summary>
public abstract class InboxFilterMessagesTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(InboxBadFilters.All), MemberType = typeof(InboxBadFilters))]
    public async Task A_bad_filter_is_explained_in_the_pages_language(string query, string chinese, string english)
    {
        using var session = await WebSession.SignInAsync(host, "zj-reviewer", Infrastructure.People.Password);

        var (status, html) = await session.GetAsync("/inbox?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"<li>{chinese}</li>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain(english, WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        await session.SubmitAsync("/language", new() { ["culture"] = "en", ["returnUrl"] = "/inbox" });
        var (englishStatus, englishHtml) = await session.GetAsync("/inbox?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, englishStatus);
        Assert.Contains($"<li>{english}</li>", WebUtility.HtmlDecode(englishHtml), StringComparison.Ordinal);
        Assert.DoesNotContain(chinese, WebUtility.HtmlDecode(englishHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_filter_without_a_name_is_refused_in_the_pages_language()
    {
        using var session = await WebSession.SignInAsync(host, "zj-reviewer2", Infrastructure.People.Password);
        await session.GetHtmlAsync("/inbox");

        var (_, chinese, _) = await session.SubmitAsync("/inbox?handler=saveFilter&tab=all", new() { ["name"] = " " });
        Assert.Contains("请为筛选命名。", chinese, StringComparison.Ordinal);

        await session.SubmitAsync("/language", new() { ["culture"] = "en", ["returnUrl"] = "/inbox" });
        var (_, english, _) = await session.SubmitAsync("/inbox?handler=saveFilter&tab=all", new() { ["name"] = " " });
        Assert.Contains("The filter needs a name.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("请为筛选命名", english, StringComparison.Ordinal);
        var (_, tooLong, _) = await session.SubmitAsync("/inbox?handler=saveFilter&tab=all", new() { ["name"] = new string('名', 61) });
        Assert.Contains("The name is longer than 60 characters.", tooLong, StringComparison.Ordinal);

        await session.SubmitAsync("/language", new() { ["culture"] = "zh-CN", ["returnUrl"] = "/inbox" });
        var (_, tooLongChinese, _) = await session.SubmitAsync("/inbox?handler=saveFilter&tab=all", new() { ["name"] = new string('名', 61) });
        Assert.Contains("名称超过 60 个字符。", tooLongChinese, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('名', 61), tooLongChinese, StringComparison.Ordinal);
    }
}

public sealed class InboxFilterMessagesTestsOnSqlite(SqliteHostFixture host) : InboxFilterMessagesTests<SqliteHostFixture>(host);

public sealed class InboxFilterMessagesTestsOnPostgreSql(PostgresHostFixture host) : InboxFilterMessagesTests<PostgresHostFixture>(host);

/// <summary>Bad inbox filters, each with the problem the Chinese page and the English page show.</summary>
public static class InboxBadFilters
{
    public static TheoryData<string, string, string> All => new()
    {
        { "dueFrom=2026-05-02&dueTo=2026-05-01", "到期日至：到期日范围的结束日期早于开始日期。", "Due until: The end of the due range is before its start." },
        { "dueFrom=yesterday", "到期日自：请按 yyyy-MM-dd 格式输入日期。", "Due from: Enter a date as yyyy-MM-dd (ISO 8601)." },
        { "status=late", "状态：没有“late”这个状态，应为以下之一：unassigned, assigned, overdue, due-soon, follow-up。",
            "Status: Unknown status 'late'; expected one of unassigned, assigned, overdue, due-soon, follow-up." },
        { "tab=everything", "标签页：没有“everything”这个标签页，应为以下之一：mine, group, all。", "Tab: Unknown tab 'everything'; expected one of mine, group, all." },
        { "province=XX", "省份：没有“XX”这个省份，应为两个字母的省份代码（如 ZJ）或 CN。", "Province: Unknown province 'XX'; expected a two-letter code such as ZJ, or CN." },
        { "year=1999", "年度：年度须在 2000 至 2100 之间。", "Year: The year must be between 2000 and 2100." },
        { "year=abc", "年度：请输入数字。", "Year: Enter a number." },
        { "p=0", "页码：页码须在 1 至 100000 之间。", "Page: The page must be between 1 and 100000." },
        { "q=" + new string('x', 101), "搜索：搜索内容超过 100 个字符。", "Search: The search text is longer than 100 characters." },
        { "process=" + new string('k', 201), "流程：流程标识超过 200 个字符。", "Process: The process key is longer than 200 characters." },
    };
}
