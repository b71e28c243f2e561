namespace Brands.Host.Infrastructure.Email;

/// <summary>Configuration section <c>Mail</c> (README, "Email"): the SMTP server, the sender, the links and the retry policy.</summary>
internal sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The SMTP server; mail stays in the outbox (pending) while it is not set.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Require STARTTLS on the connection (true), or talk plain SMTP (false: a local relay or a mail catcher).</summary>
    public bool StartTls { get; set; } = true;

    /// <summary>Signs in to the server when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>商标品牌工作流 &lt;no-reply@example.cn&gt;</c>; its domain also ends every Message-ID.</summary>
    public string From { get; set; } = "Brands.Workflow <no-reply@brands.local>";

    /// <summary>Where users open the application; links in mail are <c>{PublicBaseUrl}/tasks/{id}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often this node looks for mail to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed per round; a full batch is followed by another round at once.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a node holds a claimed message before another node may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is marked failed (an administrator may resend it).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>When the daily digest goes out, in Asia/Shanghai time.</summary>
    public TimeSpan DigestTime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Connecting, signing in and sending each give up after this long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The wait before attempt <paramref name="attemptsMade"/> + 1.</summary>
    public TimeSpan BackOff(int attemptsMade)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Min(Math.Max(attemptsMade - 1, 0), 20));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
