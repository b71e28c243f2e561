using Brands.Host.Tests.Infrastructure;
using Xunit;
using static Brands.Host.Tests.Features.Email.MailTestSupport;

namespace Brands.Host.Tests.Features.Email;

/// <summary>The SMTP server is down for a while: the message waits with a growing delay and goes out once, when it is back.</summary>
public abstract class EmailRetryTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture, IMailHostFixture
{
    [Fact]
    public async Task While_the_mail_server_is_down_the_message_backs_off_and_it_is_delivered_once_when_the_server_is_up()
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        await DeployAsync(admin, "outcome-notice.bpmn");
        await host.Smtp.StopAsync();

        using var applicant = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        var caseId = await StartAsync(applicant, "outcome-notice", "2026-ZJ-RETRY-1", new { applicant = "zj-tea", outcome = "通过" });

        var waiting = await WaitForOutboxAsync(admin, caseId, r => (int)r["attempts"]! >= 2);
        Assert.Equal("pending", (string?)waiting["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)waiting["lastError"]));
        Assert.Null((string?)waiting["sentAt"]);
        // 1 s after the first failure, 2 s after the second: the next attempt is at least 3 s after the message was written.
        var delay = waiting["nextAttemptAt"]!.GetValue<DateTimeOffset>() - waiting["createdAt"]!.GetValue<DateTimeOffset>();
        Assert.True(delay >= TimeSpan.FromSeconds(2.5), $"next attempt {delay} after the message was written");

        await host.Smtp.StartAsync();
        var mail = Assert.Single(await host.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("2026-ZJ-RETRY-1", StringComparison.Ordinal)));
        Assert.True(mail.IsTo("zj-tea@example.cn"));
        var sent = await WaitForOutboxAsync(admin, caseId, r => (string?)r["status"] == "sent");
        Assert.True((int)sent["attempts"]! >= 3, sent.ToJsonString());
        Assert.Equal("sent to zj-tea <zj-tea@example.cn>", (string?)sent["result"]);

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Single(host.Smtp.Messages(), m => (m.Subject ?? "").Contains("2026-ZJ-RETRY-1", StringComparison.Ordinal));
    }
}

public sealed class EmailRetryTestsOnSqlite(SqliteMailHostFixture host) : EmailRetryTests<SqliteMailHostFixture>(host);

public sealed class EmailRetryTestsOnPostgreSql(PostgresMailHostFixture host) : EmailRetryTests<PostgresMailHostFixture>(host);
