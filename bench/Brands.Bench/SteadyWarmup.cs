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

    public static async Task<Result> RunUntilSteadyAsync(ApprovalRun run, int callers, string runTag)
    {
        var elapsed = Stopwatch.StartNew();
        var instances = 0;
        var roundInstances = FirstRoundInstances;
        for (var round = 1; instances < MaxInstances; round++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            var roundTime = Stopwatch.StartNew();
            var failure = await RunRoundAsync(run, roundInstances, callers, $"WARMUP{round}-{runTag}");
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

    public static async Task<Result> RunFixedAsync(ApprovalRun run, int instances, int callers, string runTag)
    {
        var elapsed = Stopwatch.StartNew();
        var failure = instances == 0 ? null : await RunRoundAsync(run, instances, callers, $"WARMUP-{runTag}");
        return new Result(instances, elapsed.Elapsed, failure);
    }

    private static async Task<string?> RunRoundAsync(ApprovalRun run, int instances, int callers, string businessKeyPrefix)
    {
        var warm = await run.RunAsync(instances, callers, businessKeyPrefix, CancellationToken.None);
        warm = warm with { Completed = await run.CountCompletedAsync(warm.CaseIds, callers, CancellationToken.None) };
        return warm.Succeeded ? null : $"{warm.Completed} of {warm.Instances} completed, {warm.ServiceCalls} service calls";
    }

    /// <summary>How many warm-up instances ran, for how long; <c>Failure</c> is null when every one completed.</summary>
    public sealed record Result(int Instances, TimeSpan Elapsed, string? Failure)
    {
        public bool Succeeded => Failure is null;
    }
}
