using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>Growing delays after failed sign-ins, kept in the database so every node sees them (see <see cref="SignInThrottleOptions"/>).</summary>
internal sealed class SignInThrottle(BrandsIdentityDbContext dbContext, TimeProvider timeProvider, IOptions<SignInThrottleOptions> options)
{
    private readonly SignInThrottleOptions _options = options.Value;

    /// <summary>How long <paramref name="client"/> must wait before trying <paramref name="account"/> again; null when it may try now.</summary>
    public async Task<TimeSpan?> WaitBeforeAsync(string client, string account, CancellationToken cancellationToken)
    {
        var keys = Keys(client, account);
        var entries = await dbContext.SignInThrottle.AsNoTracking()
            .Where(e => e.Key == keys.Client || e.Key == keys.Pair || e.Key == keys.Account)
            .ToDictionaryAsync(e => e.Key, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var clientEntry = Live(entries.GetValueOrDefault(keys.Client), now);
        var pairEntry = Live(entries.GetValueOrDefault(keys.Pair), now);
        var accountEntry = Live(entries.GetValueOrDefault(keys.Account), now);

        var waits = new[]
        {
            Wait(clientEntry, _options.FreeFailuresPerClient, _options.MaxDelay, now),
            Wait(pairEntry, _options.FreeFailuresPerPair, _options.MaxDelay, now),
            clientEntry is null && pairEntry is null ? TimeSpan.Zero : Wait(accountEntry, _options.FreeFailuresPerAccount, _options.MaxAccountDelay, now),
        };
        var longest = waits.Max();
        return longest > TimeSpan.Zero ? longest : null;
    }

    public async Task RecordFailureAsync(string client, string account, CancellationToken cancellationToken)
    {
        var keys = Keys(client, account);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var forgetBefore = now - (long)_options.ForgetAfter.TotalMilliseconds;
        foreach (var key in new[] { keys.Client, keys.Pair, keys.Account })
        {
            // One statement, so failures counted by several nodes at once are all counted (SQLite and PostgreSQL).
            await dbContext.Database.ExecuteSqlAsync($"""
                INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ({key}, 1, {now})
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN sign_in_throttle.last_failure_at < {forgetBefore} THEN 1 ELSE sign_in_throttle.failures + 1 END,
                    last_failure_at = {now}
                """, cancellationToken);
        }
    }

    public async Task RecordSuccessAsync(string client, string account, CancellationToken cancellationToken)
    {
        var keys = Keys(client, account);
        await dbContext.SignInThrottle.Where(e => e.Key == keys.Pair || e.Key == keys.Account).ExecuteDeleteAsync(cancellationToken);
    }

    private SignInThrottleEntry? Live(SignInThrottleEntry? entry, long now) =>
        entry is not null && now - entry.LastFailureAt < (long)_options.ForgetAfter.TotalMilliseconds ? entry : null;

    private TimeSpan Wait(SignInThrottleEntry? entry, int freeFailures, TimeSpan cap, long now)
    {
        if (entry is null || entry.Failures < freeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(entry.Failures - freeFailures, 30);
        var delay = TimeSpan.FromTicks(Math.Min(_options.FirstDelay.Ticks * (1L << doublings), cap.Ticks));
        var remaining = TimeSpan.FromMilliseconds(entry.LastFailureAt + (long)delay.TotalMilliseconds - now);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private static (string Client, string Pair, string Account) Keys(string client, string account)
    {
        var normalised = account.Trim().ToUpperInvariant();
        return ($"client:{client}", $"pair:{client}|{normalised}", $"account:{normalised}");
    }
}
