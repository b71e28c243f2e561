using System.Globalization;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Brands.Bench;

/// <summary>The instances benchmark: approval.bpmn started, its task read and completed, N times (bench/README.md).</summary>
internal static class ApprovalBench
{
    public static async Task<int> RunAsync(BenchOptions options, IWorkflowStore store, TimedStore? timed)
    {
        var handler = new NotifyHandler();
        var engine = new WorkflowEngine(store, [handler], new WorkflowEngineOptions(), TimeProvider.System, NullLogger<WorkflowEngine>.Instance);
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "approval.bpmn"));
        var deployed = await engine.DeployAsync(xml);
        var run = new ApprovalRun(engine, store, handler, deployed.Definitions[0].Key);
        var runTag = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        SteadyWarmup.Round round = (instances, prefix) => run.WarmupRoundAsync(instances, options.Callers, prefix);
        var warmup = options.Warmup is { } fixedWarmup
            ? await SteadyWarmup.RunFixedAsync(round, fixedWarmup, runTag)
            : await SteadyWarmup.RunUntilSteadyAsync(round, runTag);
        if (!warmup.Succeeded)
        {
            Console.Error.WriteLine($"FAILED in the warm-up: {warmup.Failure}");
            return 1;
        }

        var prefix = $"BENCH-{runTag}";
        var report = new BenchReport(timed);
        var measured = await run.RunAsync(options.Instances, options.Callers, prefix, CancellationToken.None);
        report.Stop(measured.Instances, measured.Elapsed, measured.Callers);
        measured = measured with { Completed = await run.CountCompletedAsync(measured.CaseIds, options.Callers, CancellationToken.None) };
        var database = options.Mode == "postgres" ? await DatabaseCounts.ReadAsync(options.Connection!, prefix, CancellationToken.None) : null;
        var json = measured.ToJson(options.Mode);
        json["scenario"] = "approval";
        json["database"] = database?.ToJson();
        report.AddTo(json, warmup);

        Console.WriteLine(json.ToJsonString());
        Console.Error.WriteLine(measured.ToHumanLine(options.Mode, json));
        if (!measured.Succeeded || (database is not null && (database.Cases != measured.Instances || database.Completed != measured.Instances)))
        {
            Console.Error.WriteLine($"FAILED: {measured.Completed} of {measured.Instances} instances completed, {measured.ServiceCalls} service calls" +
                (database is null ? "" : $"; in the database {database.Completed} of {database.Cases} cases completed"));
            return 1;
        }

        return 0;
    }
}
