using System.Collections.Concurrent;
using System.Runtime;
using System.Text.Json.Nodes;

namespace Brands.Bench;

/// <summary>What every timed run reports beside its own figures: JIT work, exceptions and the store breakdown.</summary>
internal sealed class BenchReport
{
    private readonly ConcurrentDictionary<string, int> _exceptions = new(StringComparer.Ordinal);
    private readonly TimedStore? _timed;
    private long _jitMethods;
    private TimeSpan _jitTime;

    /// <summary>Starts watching, right before the timed run: resets the store's timings and counts JIT work from here.</summary>
    public BenchReport(TimedStore? timed)
    {
        _timed = timed;
        timed?.Reset();
        if (timed is not null)
        {
            // Thrown-and-caught exceptions are costly; a healthy command path throws none.
            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
                _exceptions.AddOrUpdate($"{e.Exception.GetType().Name}: {e.Exception.Message}", 1, (_, n) => n + 1);
        }

        _jitMethods = JitInfo.GetCompiledMethodCount();
        _jitTime = JitInfo.GetCompilationTime();
    }

    /// <summary>Ends the watch, right after the timed run: JIT work during it, and the store breakdown per instance.</summary>
    public void Stop(int instances, TimeSpan elapsed, int callers)
    {
        _jitMethods = JitInfo.GetCompiledMethodCount() - _jitMethods;
        _jitTime = JitInfo.GetCompilationTime() - _jitTime;
        Breakdown = _timed is null ? null : BreakdownOf(_timed.Snapshot(), instances, elapsed, callers);
    }

    public JsonObject? Breakdown { get; private set; }

    /// <summary>Adds warm-up, JIT and breakdown figures to a run's JSON line.</summary>
    public void AddTo(JsonObject json, SteadyWarmup.Result warmup)
    {
        json["warmupInstances"] = warmup.Instances;
        json["warmupSeconds"] = Math.Round(warmup.Elapsed.TotalSeconds, 1);
        // Methods the JIT compiled (or recompiled at a higher tier) during the timed run: near zero means steady state.
        json["jitMethodsDuringRun"] = _jitMethods;
        json["jitMsDuringRun"] = Math.Round(_jitTime.TotalMilliseconds, 1);
        if (Breakdown is not null)
        {
            json["breakdown"] = Breakdown;
            json["breakdown"]!["firstChanceExceptions"] = new JsonObject(_exceptions.OrderByDescending(p => p.Value).Take(5)
                .Select(p => KeyValuePair.Create(p.Key.Length > 200 ? p.Key[..200] : p.Key, (JsonNode?)p.Value)));
        }
    }

    private static JsonObject BreakdownOf(IReadOnlyDictionary<string, (long Calls, double Ms)> store, int instances, TimeSpan elapsed, int callers)
    {
        // Wall time per instance summed over callers; with several callers it includes waiting for a core.
        var perInstance = new JsonObject();
        var storeMs = 0.0;
        foreach (var (name, (calls, ms)) in store.OrderByDescending(p => p.Value.Ms))
        {
            storeMs += ms;
            perInstance[name] = new JsonObject
            {
                ["callsPerInstance"] = Math.Round((double)calls / instances, 2),
                ["msPerInstance"] = Math.Round(ms / instances, 4),
            };
        }

        var commandsMs = elapsed.TotalMilliseconds * callers / instances;
        return new JsonObject
        {
            ["callerMsPerInstance"] = Math.Round(commandsMs, 4),
            ["storeMsPerInstance"] = Math.Round(storeMs / instances, 4),
            ["outsideStoreMsPerInstance"] = Math.Round(commandsMs - storeMs / instances, 4),
            ["store"] = perInstance,
        };
    }
}
