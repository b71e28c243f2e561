using System.Diagnostics;
using System.Globalization;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Brands.Bench;

/// <summary>
/// The message-correlation benchmark: N cases of supplement.bpmn wait at a message catch (setup, untimed), then
/// one message per case is correlated by business key, timed (bench/README.md).
/// </summary>
internal static class CorrelationBench
{
    /// <summary>Setup starts cases with at least this many callers: it is not measured, only waited for.</summary>
    private const int SetupCallers = 8;

    public static async Task<int> RunAsync(BenchOptions options, IWorkflowStore store, TimedStore? timed)
    {
        var engine = new WorkflowEngine(store, [], new WorkflowEngineOptions(), TimeProvider.System, NullLogger<WorkflowEngine>.Instance);
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "supplement.bpmn"));
        var deployed = await engine.DeployAsync(xml);
        var run = new CorrelationRun(engine, deployed.Definitions[0].Key);
        var runTag = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        SteadyWarmup.Round round = (cases, prefix) => run.WarmupRoundAsync(cases, options.Callers, prefix);
        var warmup = options.Warmup is { } fixedWarmup
            ? await SteadyWarmup.RunFixedAsync(round, fixedWarmup, runTag)
            : await SteadyWarmup.RunUntilSteadyAsync(round, runTag);
        if (!warmup.Succeeded)
        {
            Console.Error.WriteLine($"FAILED in the warm-up: {warmup.Failure}");
            return 1;
        }

        var prefix = $"CORR-{runTag}";
        var setup = Stopwatch.StartNew();
        var caseIds = await run.StartWaitingAsync(options.Instances, Math.Max(options.Callers, SetupCallers), prefix, CancellationToken.None);
        setup.Stop();

        var report = new BenchReport(timed);
        var measured = await run.CorrelateAsync(caseIds, options.Callers, prefix, CancellationToken.None);
        report.Stop(measured.Cases, measured.Used.Elapsed, measured.Callers);
        measured = measured with
        {
            Completed = await run.CountCompletedAsync(caseIds, options.Callers, CancellationToken.None),
            Database = options.Mode == "postgres" ? await DatabaseCounts.ReadAsync(options.Connection!, prefix, CancellationToken.None) : null,
        };
        var json = measured.ToJson(options.Mode);
        json["setupSeconds"] = Math.Round(setup.Elapsed.TotalSeconds, 1);
        report.AddTo(json, warmup);

        Console.WriteLine(json.ToJsonString());
        Console.Error.WriteLine(measured.ToHumanLine(options.Mode, json));
        if (!measured.Succeeded)
        {
            Console.Error.WriteLine($"FAILED: {measured.Completed} of {measured.Cases} cases completed by their own message, {measured.Misdelivered} misdelivered" +
                (measured.Database is { } db ? $"; in the database {db.Completed} of {db.Cases} cases completed, {db.Subscriptions} subscriptions left" : ""));
            return 1;
        }

        return 0;
    }
}
