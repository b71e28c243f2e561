using System.Diagnostics;
using System.Text.Json.Nodes;
using Brands.Workflows;
using Brands.Workflows.Persistence;

namespace Brands.Bench;

/// <summary>
/// Drives approval.bpmn: each instance is started with a business key, its open task read and completed with
/// <c>{approved:true}</c>, by <c>callers</c> concurrent callers; then every instance is checked to have completed.
/// </summary>
internal sealed class ApprovalRun(WorkflowEngine engine, IWorkflowStore store, NotifyHandler handler, string definitionKey)
{
    public async Task<RunMeasurement> RunAsync(int instances, int callers, string businessKeyPrefix, CancellationToken cancellationToken)
    {
        var start = new Latencies(instances);
        var read = new Latencies(instances);
        var complete = new Latencies(instances);
        var caseIds = new Guid[instances];
        var approved = new JsonObject { ["approved"] = true };
        var next = -1;

        async Task CallerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < instances; i = Interlocked.Increment(ref next))
            {
                var t0 = Stopwatch.GetTimestamp();
                var started = await engine.StartAsync(definitionKey, $"{businessKeyPrefix}-{i:D6}", null, "bench", cancellationToken);
                var t1 = Stopwatch.GetTimestamp();
                var tasks = await store.GetOpenTasksAsync(started.Id, cancellationToken);
                var t2 = Stopwatch.GetTimestamp();
                if (tasks.Count != 1 || tasks[0].ElementId != "review")
                {
                    throw new InvalidOperationException($"case {started.Id} should wait in review; its open tasks: [{string.Join(", ", tasks.Select(t => t.ElementId))}]");
                }

                await engine.CompleteTaskAsync(tasks[0].Id, approved, "bench", cancellationToken);
                var t3 = Stopwatch.GetTimestamp();
                start.Record(i, t1 - t0);
                read.Record(i, t2 - t1);
                complete.Record(i, t3 - t2);
                caseIds[i] = started.Id;
            }
        }

        handler.Reset();
        using var window = ResourceWindow.Begin();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(CallerAsync, cancellationToken)));
        var used = await window.EndAsync();

        return new RunMeasurement(instances, callers, caseIds, handler.Calls, used.Elapsed, start, read, complete,
            used.ProcessorTime, used.AllocatedBytes, used.Gen0Collections, used.Gen2Collections, used.PeakWorkingSetBytes);
    }

    /// <summary>One untimed round of the warm-up (<see cref="SteadyWarmup"/>): null when every instance completed.</summary>
    public async Task<string?> WarmupRoundAsync(int instances, int callers, string businessKeyPrefix)
    {
        var warm = await RunAsync(instances, callers, businessKeyPrefix, CancellationToken.None);
        warm = warm with { Completed = await CountCompletedAsync(warm.CaseIds, callers, CancellationToken.None) };
        return warm.Succeeded ? null : $"{warm.Completed} of {warm.Instances} completed, {warm.ServiceCalls} service calls";
    }

    /// <summary>Reads every case back and counts those that ended completed, approved, waiting nowhere.</summary>
    public async Task<int> CountCompletedAsync(IReadOnlyList<Guid> caseIds, int callers, CancellationToken cancellationToken)
    {
        var completed = 0;
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = callers, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var snapshot = await engine.GetCaseAsync(id, token);
                if (snapshot is { Status: InstanceStatus.Completed, ActiveElementIds.Count: 0 } && snapshot.Variables["approved"]?.GetValue<bool>() == true)
                {
                    Interlocked.Increment(ref completed);
                }
            });
        return completed;
    }
}
