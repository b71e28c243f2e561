using System.Collections.Concurrent;

namespace Brands.TimerBench;

/// <summary>The job Hangfire runs: records which scheduled job ran when (a job run twice shows up twice).</summary>
public static class FiringProbe
{
    private static readonly ConcurrentQueue<(int Number, DateTimeOffset At)> s_firings = new();

    public static int Count => s_firings.Count;

    public static IReadOnlyList<(int Number, DateTimeOffset At)> Firings => [.. s_firings];

    public static void Fire(int number) => s_firings.Enqueue((number, TimeProvider.System.GetUtcNow()));
}
