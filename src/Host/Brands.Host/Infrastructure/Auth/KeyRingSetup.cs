using Brands.Host.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Makes sure the data-protection key ring in the database has a usable key before the node serves, one node at a
/// time. Left to itself, every node that starts on an empty database creates its own key at its first sign-in, and
/// a node keeps the key ring it read for up to a day: tokens and cookies issued by one node would then be refused by
/// another (README, "Several nodes"). Under a PostgreSQL advisory lock the first node creates the key and the others
/// find it.
/// </summary>
internal static class KeyRingSetup
{
    private const long KeyRingLockKey = 0x4272616e6448 + 0x70;
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public static async Task EnsureKeyRingAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var keys = services.GetRequiredService<IKeyManager>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (settings.Provider != DatabaseProvider.PostgreSql)
        {
            EnsureKey(keys, clock.GetUtcNow());
            return;
        }

        // The time is read under the lock: a key another node made while this one waited counts.
        await AdvisoryLock.RunAsync(settings.ConnectionString, KeyRingLockKey, _ =>
        {
            EnsureKey(keys, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// Creates a key active from now unless a stored key (read fresh from the repository) is unrevoked and unexpired:
    /// one another node made a moment ago may carry an activation time a little ahead of this node's clock, which the
    /// key resolver's allowance for clock skew accepts.
    /// </summary>
    private static void EnsureKey(IKeyManager keys, DateTimeOffset now)
    {
        var usable = keys.GetAllKeys().Any(key => !key.IsRevoked && key.ExpirationDate > now);
        if (!usable)
        {
            keys.CreateNewKey(now, now + KeyLifetime);
        }
    }
}
