using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Email;
using Brands.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit;
using static Brands.Host.Tests.Features.Email.MailTestSupport;

namespace Brands.Host.Tests.Features.Email;

/// <summary>
/// Email end to end (README, "Email"): steps write the outbox, the dispatcher sends through a real SMTP server
/// (aiosmtpd), and the tests read what arrived — recipient, subject, language, deep link, Message-ID.
/// </summary>
public abstract class EmailTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture, IMailHostFixture
{
    private const string Password = Infrastructure.People.Password;

    public async ValueTask InitializeAsync()
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        await DeployAsync(admin, "outcome-notice.bpmn");
        await DeployAsync(admin, "review-reminder.bpmn");
        await DeployAsync(admin, "bad-template.bpmn");
        using var reviewer2 = await host.CreateClientAsync("zj-reviewer2", Password);
        using var english = await reviewer2.PutAsJsonAsync("/api/me/notifications", new { language = "en" });
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_task_for_a_candidate_group_mails_each_member_in_their_language_with_a_link_to_the_task()
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-MAIL-1");
        var link = $"{MailSettings.PublicBaseUrl}/tasks/{taskId}";

        var chinese = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-reviewer@example.cn") && m.Text().Contains(link, StringComparison.Ordinal)));
        var english = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-reviewer2@example.cn") && m.Text().Contains(link, StringComparison.Ordinal)));

        Assert.Equal("【待办】Review by the province（2026-ZJ-MAIL-1）", chinese.Subject);
        Assert.Contains("zj-reviewer，您好", chinese.Text(), StringComparison.Ordinal);
        Assert.Equal("zh-CN", chinese.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("[Task] Review by the province (2026-ZJ-MAIL-1)", english.Subject);
        Assert.Contains("Dear zj-reviewer2,", english.Text(), StringComparison.Ordinal);
        Assert.Equal("en", english.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("no-reply@brands.example.cn", chinese.From.Mailboxes.Single().Address);

        using var admin = await host.CreateAdminClientAsync();
        var row = await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "sent");
        Assert.Equal("email", (string?)row["topic"]);
        Assert.Equal(1, (int)row["attempts"]!);
        Assert.Equal("sent to zj-reviewer <zj-reviewer@example.cn>, zj-reviewer2 <zj-reviewer2@example.cn>", (string?)row["result"]);
        // Only the province's reviewers: not its administrator, not the other province, not the applicant.
        Assert.Equal(2, host.Smtp.Messages().Count(m => m.Text().Contains(link, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_send_task_with_topic_email_mails_its_template_and_a_resend_carries_the_same_message_id()
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Password);
        var caseId = await StartAsync(applicant, "outcome-notice", "2026-ZJ-MAIL-2", new { applicant = "zj-tea", outcome = "通过" });

        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-tea@example.cn") && (m.Subject ?? "").Contains("2026-ZJ-MAIL-2", StringComparison.Ordinal)));
        Assert.Equal("【结果通知】案件 2026-ZJ-MAIL-2：通过", mail.Subject);
        Assert.Contains($"{MailSettings.PublicBaseUrl}/cases/{caseId}", mail.Text(), StringComparison.Ordinal);
        Assert.EndsWith("@brands.example.cn", mail.MessageId, StringComparison.Ordinal);

        using var admin = await host.CreateAdminClientAsync();
        var row = await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "sent");
        Assert.Equal("case-outcome", (string?)row["payload"]!["template"]);
        using (var resend = await admin.PostAsync($"/api/admin/outbox/{row["id"]}/resend", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, resend.StatusCode);
        }

        var both = await host.Smtp.WaitForAsync(m => m.IsTo("zj-tea@example.cn") && (m.Subject ?? "").Contains("2026-ZJ-MAIL-2", StringComparison.Ordinal), count: 2);
        Assert.Equal(2, both.Count);
        Assert.Equal(mail.MessageId, both[1].MessageId);
        Assert.Equal(mail.Subject, both[1].Subject);
        var again = await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "sent" && (int)r["attempts"]! == 1 && (string?)r["id"] == (string?)row["id"]);
        Assert.Equal("sent to zj-tea <zj-tea@example.cn>", (string?)again["result"]);
    }

    [Fact]
    public async Task A_reminder_naming_its_user_task_mails_the_task_candidates_with_the_due_date_note_and_link()
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Password);
        var caseId = await StartAsync(applicant, "review-reminder", "2026-ZJ-MAIL-3", new { });
        var tasks = (await applicant.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}"))!;
        var link = $"{MailSettings.PublicBaseUrl}/tasks/{(string?)Assert.Single(tasks)!["id"]}";

        var chinese = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-reviewer@example.cn") && (m.Subject ?? "").StartsWith("【提醒】", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains("2026-ZJ-MAIL-3", StringComparison.Ordinal)));
        Assert.Equal("【提醒】审查申报材料（2026-ZJ-MAIL-3）尚未完成", chinese.Subject);
        Assert.Contains(link, chinese.Text(), StringComparison.Ordinal);
        Assert.Contains("备注：材料已齐全", chinese.Text(), StringComparison.Ordinal);
        Assert.Contains("（北京时间）", chinese.Text(), StringComparison.Ordinal);
        var english = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-reviewer2@example.cn") && (m.Subject ?? "").StartsWith("[Reminder]", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains("2026-ZJ-MAIL-3", StringComparison.Ordinal)));
        Assert.Equal("[Reminder] 审查申报材料 (2026-ZJ-MAIL-3) is still open", english.Subject);
        Assert.Contains(link, english.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_chose_the_digest_gets_nothing_at_once_and_then_one_mail_listing_every_notification()
    {
        using var silk = await host.CreateClientAsync("zj-silk", Password);
        using (var digest = await silk.PutAsJsonAsync("/api/me/notifications", new { delivery = "digest", language = "en" }))
        {
            var settings = (await digest.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(("en", "digest", "zj-silk@example.cn"), ((string?)settings["language"], (string?)settings["delivery"], (string?)settings["email"]));
        }

        var first = await StartAsync(silk, "outcome-notice", "2026-ZJ-DIGEST-1", new { applicant = "zj-silk", outcome = "approved" });
        var second = await StartAsync(silk, "outcome-notice", "2026-ZJ-DIGEST-2", new { applicant = "zj-silk", outcome = "rejected" });
        using var admin = await host.CreateAdminClientAsync();
        foreach (var caseId in (Guid[])[first, second])
        {
            var row = await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "sent");
            Assert.Equal("kept for the digest of zj-silk", (string?)row["result"]);
        }

        Assert.Empty(host.Smtp.MessagesTo("zj-silk@example.cn"));

        Assert.Equal(1, await SendDigestsAsync());
        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => m.IsTo("zj-silk@example.cn")));
        Assert.Equal("[Daily digest] 2 new notification(s)", mail.Subject);
        Assert.Contains("[Outcome] Case 2026-ZJ-DIGEST-1: approved", mail.Text(), StringComparison.Ordinal);
        Assert.Contains("[Outcome] Case 2026-ZJ-DIGEST-2: rejected", mail.Text(), StringComparison.Ordinal);
        Assert.Contains($"{MailSettings.PublicBaseUrl}/cases/{second}", mail.Text(), StringComparison.Ordinal);

        Assert.Equal(0, await SendDigestsAsync());
        Assert.Single(host.Smtp.MessagesTo("zj-silk@example.cn"));
    }

    [Fact]
    public async Task Bad_settings_and_outbox_requests_are_refused_with_the_reason_and_change_nothing()
    {
        using var rice = await host.CreateClientAsync("js-rice", Password);
        using var admin = await host.CreateAdminClientAsync();
        using var provincialAdmin = await host.CreateClientAsync("zj-admin", Password);
        var before = await host.CountRowsAsync();
        using (var language = await rice.PutAsJsonAsync("/api/me/notifications", new { language = "fr", delivery = "digest" }))
        {
            var problem = await language.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("'fr' is not a language", (string?)problem["errors"]!["language"]![0], StringComparison.Ordinal);
        }

        using (var delivery = await rice.PutAsJsonAsync("/api/me/notifications", new { delivery = "weekly" }))
        {
            var problem = await delivery.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("'weekly' is not a delivery", (string?)problem["errors"]!["delivery"]![0], StringComparison.Ordinal);
        }

        var unchanged = (await rice.GetFromJsonAsync<JsonObject>("/api/me/notifications"))!;
        Assert.Equal(("zh-CN", "immediate"), ((string?)unchanged["language"], (string?)unchanged["delivery"]));

        using (var status = await admin.GetAsync("/api/admin/outbox?status=lost"))
        {
            var problem = await status.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("'lost' is not an outbox status", (string?)problem["errors"]!["status"]![0], StringComparison.Ordinal);
        }

        using (var max = await admin.GetAsync("/api/admin/outbox?max=0"))
        {
            await max.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var unknown = await admin.PostAsync($"/api/admin/outbox/{Guid.NewGuid()}/resend", null))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var forbidden = await provincialAdmin.PostAsync($"/api/admin/outbox/{Guid.NewGuid()}/resend", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_send_task_naming_a_template_that_does_not_exist_parks_its_case_with_the_reason_and_mails_nothing()
    {
        using var applicant = await host.CreateClientAsync("zj-tea", Password);
        var caseId = await StartAsync(applicant, "bad-template", "2026-ZJ-MAIL-BAD", new { applicant = "zj-tea", outcome = "x" });

        using var admin = await host.CreateAdminClientAsync();
        var job = Assert.Single((await admin.GetFromJsonAsync<JsonArray>($"/api/admin/jobs?caseId={caseId}"))!)!;
        Assert.Contains("the email template 'thank-you-letter' does not exist", (string?)job["lastError"], StringComparison.Ordinal);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>($"/api/admin/outbox?caseId={caseId}"))!);
        Assert.DoesNotContain(host.Smtp.Messages(), m => (m.Subject ?? "").Contains("2026-ZJ-MAIL-BAD", StringComparison.Ordinal));
    }

    private async Task<int> SendDigestsAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDigestsAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class EmailTestsOnSqlite(SqliteMailHostFixture host) : EmailTests<SqliteMailHostFixture>(host);

public sealed class EmailTestsOnPostgreSql(PostgresMailHostFixture host) : EmailTests<PostgresMailHostFixture>(host);
