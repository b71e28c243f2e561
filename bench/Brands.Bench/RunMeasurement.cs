using System.Globalization;
using System.Text.Json.Nodes;

namespace Brands.Bench;

/// <summary>What one timed run measured, printed as one JSON line and one line for people.</summary>
internal sealed record RunMeasurement(
    int Instances,
    int Callers,
    IReadOnlyList<Guid> CaseIds,
    int ServiceCalls,
    TimeSpan Elapsed,
    Latencies Start,
    Latencies Read,
    Latencies Complete,
    TimeSpan ProcessorTime,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen2Collections,
    long PeakWorkingSetBytes)
{
    /// <summary>How many cases were read back completed; set by the check that follows the timed run.</summary>
    public int Completed { get; init; }

    public bool Succeeded => Completed == Instances && ServiceCalls == Instances;

    public double InstancesPerSecond => Math.Round(Completed / Elapsed.TotalSeconds, 1);

    public JsonObject ToJson(string mode)
    {
        return new JsonObject
        {
            ["engine"] = "brands",
            ["mode"] = mode,
            ["instances"] = Instances,
            ["callers"] = Callers,
            ["completed"] = Completed,
            ["serviceCalls"] = ServiceCalls,
            ["seconds"] = Math.Round(Elapsed.TotalSeconds, 3),
            ["instancesPerSecond"] = InstancesPerSecond,
            ["startP50Ms"] = Start.PercentileMs(50),
            ["startP99Ms"] = Start.PercentileMs(99),
            ["readTaskP50Ms"] = Read.PercentileMs(50),
            ["readTaskP99Ms"] = Read.PercentileMs(99),
            ["completeP50Ms"] = Complete.PercentileMs(50),
            ["completeP99Ms"] = Complete.PercentileMs(99),
            ["cpuMsPerInstance"] = Math.Round(ProcessorTime.TotalMilliseconds / Math.Max(1, Instances), 3),
            ["peakWorkingSetMb"] = Math.Round(PeakWorkingSetBytes / 1048576.0, 1),
            ["gcAllocatedMb"] = Math.Round(AllocatedBytes / 1048576.0, 1),
            ["gcAllocatedKbPerInstance"] = Math.Round(AllocatedBytes / 1024.0 / Math.Max(1, Instances), 1),
            ["gen0Collections"] = Gen0Collections,
            ["gen2Collections"] = Gen2Collections,
            ["processorCount"] = Environment.ProcessorCount,
        };
    }

    public string ToHumanLine(string mode, JsonObject json) => string.Create(CultureInfo.InvariantCulture,
        $"brands/{mode}: {Completed}/{Instances} instances completed, {Callers} callers, {InstancesPerSecond} instances/s; " +
        $"start p50 {json["startP50Ms"]} ms p99 {json["startP99Ms"]} ms; read task p50 {json["readTaskP50Ms"]} ms p99 {json["readTaskP99Ms"]} ms; " +
        $"complete p50 {json["completeP50Ms"]} ms p99 {json["completeP99Ms"]} ms; CPU {json["cpuMsPerInstance"]} ms/instance; peak working set {json["peakWorkingSetMb"]} MB; " +
        $"GC allocated {json["gcAllocatedMb"]} MB ({json["gcAllocatedKbPerInstance"]} KB/instance); " +
        $"after {json["warmupInstances"]} warm-up instances; JIT during the run: {json["jitMethodsDuringRun"]} methods, {json["jitMsDuringRun"]} ms");
}
