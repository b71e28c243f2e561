using System.Globalization;
using System.Text.Json.Nodes;

namespace Brands.Bench;

/// <summary>What one timed correlation run measured, printed as one JSON line and one line for people.</summary>
internal sealed record CorrelationMeasurement(int Cases, int Callers, int Misdelivered, Latencies Correlate, ResourceWindow.Usage Used)
{
    /// <summary>How many cases were read back completed with their own supplement; set by the check that follows.</summary>
    public int Completed { get; init; }

    /// <summary>The same, counted in the database's own tables (PostgreSQL only; null in memory).</summary>
    public DatabaseCounts? Database { get; init; }

    public bool Succeeded => Completed == Cases && Misdelivered == 0
        && (Database is null || (Database.Completed == Cases && Database.Cases == Cases && Database.Subscriptions == 0));

    public double CorrelationsPerSecond => Math.Round(Completed / Used.Elapsed.TotalSeconds, 1);

    public JsonObject ToJson(string mode) => new()
    {
        ["engine"] = "brands",
        ["mode"] = mode,
        ["scenario"] = "correlation",
        ["instances"] = Cases,
        ["callers"] = Callers,
        ["completed"] = Completed,
        ["misdelivered"] = Misdelivered,
        ["database"] = Database?.ToJson(),
        ["seconds"] = Math.Round(Used.Elapsed.TotalSeconds, 3),
        ["correlationsPerSecond"] = CorrelationsPerSecond,
        ["correlateP50Ms"] = Correlate.PercentileMs(50),
        ["correlateP99Ms"] = Correlate.PercentileMs(99),
        ["cpuMsPerInstance"] = Math.Round(Used.ProcessorTime.TotalMilliseconds / Math.Max(1, Cases), 3),
        ["peakWorkingSetMb"] = Math.Round(Used.PeakWorkingSetBytes / 1048576.0, 1),
        ["gcAllocatedMb"] = Math.Round(Used.AllocatedBytes / 1048576.0, 1),
        ["gcAllocatedKbPerInstance"] = Math.Round(Used.AllocatedBytes / 1024.0 / Math.Max(1, Cases), 1),
        ["gen0Collections"] = Used.Gen0Collections,
        ["gen2Collections"] = Used.Gen2Collections,
        ["processorCount"] = Environment.ProcessorCount,
    };

    public string ToHumanLine(string mode, JsonObject json) => string.Create(CultureInfo.InvariantCulture,
        $"brands/{mode} correlation: {Completed}/{Cases} cases completed by their own message ({Misdelivered} misdelivered" +
        $"{(Database is null ? "" : $"; in the database {Database.Completed}/{Database.Cases} completed, {Database.Subscriptions} subscriptions left")}), " +
        $"{Callers} callers, {CorrelationsPerSecond} correlations/s; correlate p50 {json["correlateP50Ms"]} ms p99 {json["correlateP99Ms"]} ms; " +
        $"CPU {json["cpuMsPerInstance"]} ms/correlation; peak working set {json["peakWorkingSetMb"]} MB; " +
        $"GC allocated {json["gcAllocatedMb"]} MB ({json["gcAllocatedKbPerInstance"]} KB/correlation); setup {json["setupSeconds"]} s; " +
        $"after {json["warmupInstances"]} warm-up cases; JIT during the run: {json["jitMethodsDuringRun"]} methods, {json["jitMsDuringRun"]} ms");
}
