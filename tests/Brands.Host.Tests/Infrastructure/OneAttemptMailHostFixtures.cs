namespace Brands.Host.Tests.Infrastructure;

/// <summary>Mail settings for hosts that give up on a message after one failed attempt: it is <c>failed</c> at once.</summary>
internal static class OneAttemptMailSettings
{
    public static IReadOnlyDictionary<string, string> For(SmtpTestServer smtp) =>
        new Dictionary<string, string>(MailSettings.For(smtp)) { ["Mail:MaxAttempts"] = "1" };
}

/// <summary>The host on SQLite with a running SMTP server and one attempt per message.</summary>
public sealed class SqliteOneAttemptMailHostFixture : SqliteHostFixture, IMailHostFixture
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => OneAttemptMailSettings.For(Smtp);

    public override async ValueTask InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The host on PostgreSQL with a running SMTP server and one attempt per message.</summary>
public sealed class PostgresOneAttemptMailHostFixture : PostgresHostFixture, IMailHostFixture
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => OneAttemptMailSettings.For(Smtp);

    public override async ValueTask InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
