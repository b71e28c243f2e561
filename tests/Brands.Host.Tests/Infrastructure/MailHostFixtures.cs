namespace Brands.Host.Tests.Infrastructure;

/// <summary>A host whose mail goes to its own <see cref="SmtpTestServer"/>.</summary>
public interface IMailHostFixture
{
    SmtpTestServer Smtp { get; }
}

/// <summary>The configuration that points a host at an <see cref="SmtpTestServer"/>, with quick polling and retries.</summary>
internal static class MailSettings
{
    public const string PublicBaseUrl = "https://brands.example.cn";

    public static IReadOnlyDictionary<string, string> For(SmtpTestServer smtp) => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:StartTls"] = "false",
        ["Mail:From"] = "商标品牌工作流 <no-reply@brands.example.cn>",
        ["Mail:PublicBaseUrl"] = PublicBaseUrl,
        ["Mail:PollInterval"] = "00:00:00.200",
        ["Mail:RetryDelay"] = "00:00:01",
        ["Mail:Timeout"] = "00:00:05",
    };
}

/// <summary>The host on SQLite with a running SMTP server.</summary>
public class SqliteMailHostFixture : SqliteHostFixture, IMailHostFixture
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => MailSettings.For(Smtp);

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

/// <summary>The host on PostgreSQL with a running SMTP server.</summary>
public class PostgresMailHostFixture : PostgresHostFixture, IMailHostFixture
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => MailSettings.For(Smtp);

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
