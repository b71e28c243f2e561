using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Web;
using Brands.Host.Tests.Infrastructure;
using Xunit;
using static Brands.Host.Tests.Features.Email.MailTestSupport;

namespace Brands.Host.Tests.Features.Admin;

/// <summary>
/// The outbox page for national administrators (/admin/outbox, README "Email"): what was mailed to whom and how it
/// went, and "send again" through the same command as the API, on a host that gives up after one attempt.
/// </summary>
public abstract class OutboxPageTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture, IMailHostFixture
{
    private const string Password = Infrastructure.People.Password;

    public async ValueTask InitializeAsync()
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        await DeployAsync(admin, "outcome-notice.bpmn");
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_national_administrator_sees_each_message_with_status_recipient_subject_template_and_sent_time_in_Chinese_or_English()
    {
        var (caseId, row) = await MailedCaseAsync("2026-ZJ-OUTBOX-1");
        using var web = await WebSession.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);
        Assert.Contains("id=\"nav-outbox\"", await web.GetHtmlAsync("/inbox"), StringComparison.Ordinal);

        var html = await web.GetHtmlAsync("/admin/outbox?status=sent");
        var line = RowOf(html, (Guid)row["id"]!);
        Assert.Contains("已发送", line, StringComparison.Ordinal);
        Assert.Contains("zj-tea", line, StringComparison.Ordinal);
        Assert.Contains("【结果通知】案件 2026-ZJ-OUTBOX-1：通过", line, StringComparison.Ordinal);
        Assert.Contains("case-outcome", line, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"attempts\">1</td>", line, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"sent-at\">{ShanghaiTime.Format(row["sentAt"]!.GetValue<DateTimeOffset>())}</td>", line, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-message-id=\"{row["id"]}\"", await web.GetHtmlAsync("/admin/outbox?status=failed"), StringComparison.Ordinal);

        using (await web.PostFormAsync("/Language", new() { ["culture"] = "en", ["returnUrl"] = "/admin/outbox" }))
        {
        }

        var english = RowOf(await web.GetHtmlAsync("/admin/outbox"), (Guid)row["id"]!);
        Assert.Contains(">Sent<", english, StringComparison.Ordinal);
        Assert.Contains("[Outcome] Case 2026-ZJ-OUTBOX-1", english, StringComparison.Ordinal);
        Assert.Equal(caseId, (Guid)row["caseId"]!);
    }

    [Fact]
    public async Task A_bad_status_or_page_number_is_refused_with_the_reason()
    {
        using var web = await WebSession.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);
        var (status, html) = await web.GetAsync("/admin/outbox?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("状态只能是：待发送、已发送、发送失败。", html, StringComparison.Ordinal);
        (status, html) = await web.GetAsync("/admin/outbox?p=0");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("页码须为 1 或以上的整数。", html, StringComparison.Ordinal);
        using var admin = await host.CreateAdminClientAsync();
        using var skip = await admin.GetAsync("/api/admin/outbox?skip=-1");
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
    }

    [Fact]
    public async Task The_outbox_pages_by_twenty_newest_first_and_the_api_skips()
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Password);
        for (var i = 1; i <= 21; i++)
        {
            await StartAsync(applicant, "outcome-notice", $"2026-ZJ-PAGE-{i:00}", new { applicant = "zj-tea", outcome = "通过" });
        }

        using var admin = await host.CreateAdminClientAsync();
        var all = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?max=1000"))!;
        Assert.True(all.Count >= 21, all.ToJsonString());
        var second = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?max=1&skip=1"))!;
        Assert.Equal((Guid)all[1]!["id"]!, (Guid)Assert.Single(second)!["id"]!);

        using var web = await WebSession.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);
        var firstPage = await web.GetHtmlAsync("/admin/outbox");
        var secondPage = await web.GetHtmlAsync("/admin/outbox?p=2");
        Assert.Equal(20, CountRows(firstPage));
        Assert.Contains("href=\"/admin/outbox?p=2\" rel=\"next\"", firstPage, StringComparison.Ordinal);
        Assert.Equal(Math.Min(all.Count - 20, 20), CountRows(secondPage));
        Assert.Contains($"data-message-id=\"{all[0]!["id"]}\"", firstPage, StringComparison.Ordinal);
        Assert.Contains($"data-message-id=\"{all[20]!["id"]}\"", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-message-id=\"{all[20]!["id"]}\"", firstPage, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", secondPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provincial_administrator_may_neither_see_the_outbox_nor_resend()
    {
        var (_, row) = await MailedCaseAsync("2026-ZJ-OUTBOX-2");
        using var web = await WebSession.SignInAsync(host, "zj-admin", Password);
        Assert.DoesNotContain("id=\"nav-outbox\"", await web.GetHtmlAsync("/inbox"), StringComparison.Ordinal);
        var (status, _) = await web.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        using var resend = await web.PostFormAsync("/admin/outbox?handler=Resend", new() { ["id"] = row["id"]!.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, resend.StatusCode);
        Assert.Equal(1, (int)(await OutboxRowAsync((Guid)row["id"]!))["attempts"]!);
    }

    [Fact]
    public async Task Send_again_puts_a_failed_message_back_and_the_mail_server_receives_it()
    {
        await host.Smtp.StopAsync();
        Guid caseId;
        JsonObject failed;
        try
        {
            using var applicant = await host.CreateClientAsync("zj-tea", Password);
            caseId = await StartAsync(applicant, "outcome-notice", "2026-ZJ-OUTBOX-3", new { applicant = "zj-tea", outcome = "通过" });
            using var admin = await host.CreateAdminClientAsync();
            failed = await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "failed");
        }
        finally
        {
            await host.Smtp.StartAsync();
        }

        using var web = await WebSession.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);
        var line = RowOf(await web.GetHtmlAsync("/admin/outbox?status=failed"), (Guid)failed["id"]!);
        Assert.Contains("发送失败", line, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode((string)failed["lastError"]!), line, StringComparison.Ordinal);

        var (status, html, location) = await web.SubmitAsync("/admin/outbox?handler=Resend&status=failed", new() { ["id"] = failed["id"]!.ToString() });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/admin/outbox?status=failed", location);
        Assert.Contains("邮件已重新排入发送队列。", html, StringComparison.Ordinal);

        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("2026-ZJ-OUTBOX-3", StringComparison.Ordinal)));
        Assert.True(mail.IsTo("zj-tea@example.cn"));
        using var api = await host.CreateAdminClientAsync();
        await WaitForOutboxAsync(api, caseId, r => (string?)r["status"] == "sent");
    }

    [Fact]
    public async Task Send_again_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (_, row) = await MailedCaseAsync("2026-ZJ-OUTBOX-4");
        using var web = await WebSession.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);
        await web.GetHtmlAsync("/admin/outbox");
        using var resend = await web.PostFormAsync("/admin/outbox?handler=Resend", new() { ["id"] = row["id"]!.ToString() }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, resend.StatusCode);
        var after = await OutboxRowAsync((Guid)row["id"]!);
        Assert.Equal("sent", (string?)after["status"]);
        Assert.Equal(1, (int)after["attempts"]!);
    }

    [Fact]
    public async Task A_script_in_a_subject_is_shown_as_text()
    {
        var (_, row) = await MailedCaseAsync("<script>alert('outbox')</script>");
        using var web = await WebSession.SignInAsync(host, "admin", BrandsHostFactory.AdminPassword);
        var html = await web.GetHtmlAsync("/admin/outbox");
        var line = RowOf(html, (Guid)row["id"]!);
        Assert.Contains("&lt;script&gt;alert(&#x27;outbox&#x27;)&lt;/script&gt;", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
    }

    /// <summary>Starts an outcome notice as the applicant and waits until its mail is sent; returns the case and its outbox row.</summary>
    private async Task<(Guid CaseId, JsonObject Row)> MailedCaseAsync(string businessKey)
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Password);
        var caseId = await StartAsync(applicant, "outcome-notice", businessKey, new { applicant = "zj-tea", outcome = "通过" });
        using var admin = await host.CreateAdminClientAsync();
        return (caseId, await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "sent"));
    }

    private async Task<JsonObject> OutboxRowAsync(Guid id)
    {
        using var admin = await host.CreateAdminClientAsync();
        var rows = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/outbox?max=1000"))!;
        return rows.Single(r => (Guid)r!["id"]! == id)!.AsObject();
    }

    /// <summary>The HTML of the table row of message <paramref name="id"/>.</summary>
    private static string RowOf(string html, Guid id)
    {
        var start = html.IndexOf($"data-message-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for message {id}");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static int CountRows(string html) =>
        System.Text.RegularExpressions.Regex.Count(html, "data-message-id=\"");
}

public sealed class OutboxPageTestsOnSqlite(SqliteOneAttemptMailHostFixture host) : OutboxPageTests<SqliteOneAttemptMailHostFixture>(host);

public sealed class OutboxPageTestsOnPostgreSql(PostgresOneAttemptMailHostFixture host) : OutboxPageTests<PostgresOneAttemptMailHostFixture>(host);
