using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Brands.Workflows;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Brands.TimerBench;

/// <summary>
/// Starts N cases of timer.bpmn through the engine, each waiting on its own timer due a day from now, so that
/// <see cref="TimerFiring"/> can then make them all due in the same second. Not timed as part of the result.
/// </summary>
internal static class TimerSetup
{
    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        var timers = arguments.Number("timers", 100_000);
        var callers = arguments.Number("callers", 16);
        await using var services = new ServiceCollection()
            .AddWorkflowStore(WorkflowDatabaseProvider.PostgreSql, arguments.Connection)
            .BuildServiceProvider();
        await services.GetRequiredService<WorkflowDatabaseMigrator>().MigrateAsync();
        var engine = new WorkflowEngine(services.GetRequiredService<IWorkflowStore>(), [], new WorkflowEngineOptions(), TimeProvider.System,
            NullLogger<WorkflowEngine>.Instance);
        await engine.DeployAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "timer.bpmn")));

        var dueAt = TimeProvider.System.GetUtcNow().AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < timers)
            {
                await engine.StartAsync("benchTimer", $"TIMER-{i:D6}", new JsonObject { ["dueAt"] = dueAt }, "bench");
                if ((i + 1) % 10_000 == 0)
                {
                    Console.Error.WriteLine($"   {i + 1:N0} cases waiting ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        })));

        Console.WriteLine(JsonSerializer.Serialize(new { bench = "timers-setup", timers, callers, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) }));
        return 0;
    }
}
