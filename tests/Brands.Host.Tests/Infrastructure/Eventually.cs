using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>Waits for something that background work (the job executor, Hangfire) brings about.</summary>
public static class Eventually
{
    /// <summary>Asks <paramref name="probe"/> every 200 ms until it answers non-null; fails with <paramref name="what"/> after <paramref name="patience"/>.</summary>
    public static async Task<T> ThatAsync<T>(Func<Task<T?>> probe, TimeSpan patience, string what)
        where T : class
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Waited {patience} for {what}.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>As <see cref="ThatAsync{T}"/> for a condition.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan patience, string what) =>
        ThatAsync(async () => await condition() ? "" : null, patience, what);
}
