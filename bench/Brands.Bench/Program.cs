using System.Globalization;
using System.Runtime;
using System.Text.Json.Nodes;
using Brands.Bench;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

await using var opened = await BenchStore.OpenAsync(options);
var timed = options.Breakdown ? new TimedStore(opened.Store) : null;
IWorkflowStore store = timed ?? opened.Store;
var handler = new NotifyHandler();
var engine = new WorkflowEngine(store, [handler], new WorkflowEngineOptions(), TimeProvider.System, NullLogger<WorkflowEngine>.Instance);
var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "approval.bpmn"));
var deployed = await engine.DeployAsync(xml);
var run = new ApprovalRun(engine, store, handler, deployed.Definitions[0].Key);
var runTag = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

var warmup = options.Warmup is { } fixedWarmup
    ? await SteadyWarmup.RunFixedAsync(run, fixedWarmup, options.Callers, runTag)
    : await SteadyWarmup.RunUntilSteadyAsync(run, options.Callers, runTag);
if (!warmup.Succeeded)
{
    Console.Error.WriteLine($"FAILED in the warm-up: {warmup.Failure}");
    return 1;
}

timed?.Reset();
var exceptions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
if (options.Breakdown)
{
    // Thrown-and-caught exceptions are costly; a healthy command path throws none.
    AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        exceptions.AddOrUpdate($"{e.Exception.GetType().Name}: {e.Exception.Message}", 1, (_, n) => n + 1);
}

var jitBefore = (Methods: JitInfo.GetCompiledMethodCount(), Time: JitInfo.GetCompilationTime());
var measured = await run.RunAsync(options.Instances, options.Callers, $"BENCH-{runTag}", CancellationToken.None);
var jitDuring = (Methods: JitInfo.GetCompiledMethodCount() - jitBefore.Methods, Time: JitInfo.GetCompilationTime() - jitBefore.Time);
var breakdown = timed is null ? null : Breakdown(timed, measured);
measured = measured with { Completed = await run.CountCompletedAsync(measured.CaseIds, options.Callers, CancellationToken.None) };
var json = measured.ToJson(options.Mode);
json["warmupInstances"] = warmup.Instances;
json["warmupSeconds"] = Math.Round(warmup.Elapsed.TotalSeconds, 1);
// Methods the JIT compiled (or recompiled at a higher tier) during the timed run: near zero means steady state.
json["jitMethodsDuringRun"] = jitDuring.Methods;
json["jitMsDuringRun"] = Math.Round(jitDuring.Time.TotalMilliseconds, 1);
if (breakdown is not null)
{
    json["breakdown"] = breakdown;
    json["breakdown"]!["firstChanceExceptions"] = new JsonObject(exceptions.OrderByDescending(p => p.Value).Take(5)
        .Select(p => KeyValuePair.Create(p.Key.Length > 200 ? p.Key[..200] : p.Key, (JsonNode?)p.Value)));
}

Console.WriteLine(json.ToJsonString());
Console.Error.WriteLine(measured.ToHumanLine(options.Mode, json));
if (!measured.Succeeded)
{
    Console.Error.WriteLine($"FAILED: {measured.Completed} of {measured.Instances} instances completed, {measured.ServiceCalls} service calls");
    return 1;
}

return 0;

static JsonObject Breakdown(TimedStore timed, RunMeasurement measured)
{
    // Wall time per instance summed over callers; with several callers it includes waiting for a core.
    var perInstance = new JsonObject();
    var storeMs = 0.0;
    foreach (var (name, (calls, ms)) in timed.Snapshot().OrderByDescending(p => p.Value.Ms))
    {
        storeMs += ms;
        perInstance[name] = new JsonObject
        {
            ["callsPerInstance"] = Math.Round((double)calls / measured.Instances, 2),
            ["msPerInstance"] = Math.Round(ms / measured.Instances, 4),
        };
    }

    var commandsMs = measured.Elapsed.TotalMilliseconds * measured.Callers / measured.Instances;
    return new JsonObject
    {
        ["callerMsPerInstance"] = Math.Round(commandsMs, 4),
        ["storeMsPerInstance"] = Math.Round(storeMs / measured.Instances, 4),
        ["outsideStoreMsPerInstance"] = Math.Round(commandsMs - storeMs / measured.Instances, 4),
        ["store"] = perInstance,
    };
}
