namespace Brands.Host.Tests.Infrastructure;

/// <summary>Mail settings for hosts that give up on a message after one failed attempt: it is <c>failed</c> at once.</summary>
internal static class OneAttemptMailSettings
{
    public static IReadOnlyDictionary<string, string> For(SmtpTestServer smtp) =>
        new Dictionary<string, string>(MailSettings.For(smtp)) { ["Mail:MaxAttempts"] = "1" };
}

/// <summary>The host on SQLite with a running SMTP server and one attempt per message.</summary>
public sealed class SqliteOneAttemptMailHostFixture : SqliteMailHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => OneAttemptMailSettings.For(Smtp);
}

/// <summary>The host on PostgreSQL with a running SMTP server and one attempt per message.</summary>
public sealed class PostgresOneAttemptMailHostFixture : PostgresMailHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => OneAttemptMailSettings.For(Smtp);
}
