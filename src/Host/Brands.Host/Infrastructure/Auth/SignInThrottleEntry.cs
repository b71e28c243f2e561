namespace Brands.Host.Infrastructure.Auth;

/// <summary>Recent failed sign-ins of one key (a client, an account, or the pair): table <c>sign_in_throttle</c>.</summary>
internal sealed class SignInThrottleEntry
{
    public required string Key { get; init; }
    public int Failures { get; set; }
    /// <summary>Unix time in milliseconds.</summary>
    public long LastFailureAt { get; set; }
}
