using System.Diagnostics;
using System.Runtime;

namespace Brands.Bench;

/// <summary>
/// The untimed instances before a measurement. .NET compiles a method quickly first and recompiles the hot ones
/// optimised later, in the background (tiered compilation); on two busy cores that takes tens of seconds of
/// load, so a short warm-up would measure the compiler too. "Steady" runs rounds of instances until a round
/// compiles almost nothing: a server that has been up a few minutes.
/// </summary>
internal static class SteadyWarmup
{
    private const int FirstRoundInstances = 500;
    private const int MaxInstances = 60_000;
    /// <summary>A round shorter than this does not count: tiering needs time (call counting, background compiles).</summary>
    private static readonly TimeSpan MinRoundTime = TimeSpan.FromSeconds(1);
    /// <summary>A round of at least <see cref="MinRoundTime"/> that compiles fewer methods than this ends the warm-up.</summary>
    private const int SteadyMethodsPerRound = 10;

    public static async Task<Result> RunUntilSteadyAsync(Round round, string runTag)
    {
        var elapsed = Stopwatch.StartNew();
        var instances = 0;
        var roundInstances = FirstRoundInstances;
        for (var number = 1; instances < MaxInstances; number++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            var roundTime = Stopwatch.StartNew();
            var failure = await round(roundInstances, $"WARMUP{number}-{runTag}");
            instances += roundInstances;
            if (failure is not null)
            {
                return new Result(instances, elapsed.Elapsed, failure);
            }

            if (roundTime.Elapsed < MinRoundTime)
            {
                roundInstances *= 2;
            }
            else if (JitInfo.GetCompiledMethodCount() - before < SteadyMethodsPerRound)
            {
                break;
            }
        }

        return new Result(instances, elapsed.Elapsed, null);
    }

    public static async Task<Result> RunFixedAsync(Round round, int instances, string runTag)
    {
        var elapsed = Stopwatch.StartNew();
        var failure = instances == 0 ? null : await round(instances, $"WARMUP-{runTag}");
        return new Result(instances, elapsed.Elapsed, failure);
    }

    /// <summary>Runs <paramref name="instances"/> untimed with business keys from the prefix; null when all completed, else what failed.</summary>
    public delegate Task<string?> Round(int instances, string businessKeyPrefix);

    /// <summary>How many warm-up instances ran, for how long; <c>Failure</c> is null when every one completed.</summary>
    public sealed record Result(int Instances, TimeSpan Elapsed, string? Failure)
    {
        public bool Succeeded => Failure is null;
    }
}
