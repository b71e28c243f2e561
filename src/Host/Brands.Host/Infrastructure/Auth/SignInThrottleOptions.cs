namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Configuration section <c>Auth:SignInThrottle</c>. After a number of free failures, each further attempt must
/// wait a delay that doubles with every failure, up to a cap. Three counters: per client (its IP address), per
/// client and account together, and per account — the last one only for clients that have failed before, so a
/// stranger's failures never delay the account's owner signing in from elsewhere. Counters are forgotten after
/// <see cref="ForgetAfter"/> without a failure; a successful sign-in clears the account's and the pair's.
/// </summary>
internal sealed class SignInThrottleOptions
{
    public const string SectionName = "Auth:SignInThrottle";

    public int FreeFailuresPerPair { get; set; } = 3;
    public int FreeFailuresPerClient { get; set; } = 10;
    public int FreeFailuresPerAccount { get; set; } = 5;
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Cap for the client's and the pair's delays.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Cap for the account's delay (which only clients that failed before must wait).</summary>
    public TimeSpan MaxAccountDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);
}
