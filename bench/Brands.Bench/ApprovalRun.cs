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
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        using var sampling = new CancellationTokenSource();
        var peakWorkingSet = SamplePeakWorkingSetAsync(sampling.Token);
        var began = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(CallerAsync, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(began);
        await sampling.CancelAsync();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var gen0Collections = GC.CollectionCount(0) - gen0;
        var gen2Collections = GC.CollectionCount(2) - gen2;

        return new RunMeasurement(instances, callers, caseIds, handler.Calls, elapsed, start, read, complete,
            cpu, allocated, gen0Collections, gen2Collections, await peakWorkingSet);
    }

    /// <summary>The largest working set of this process seen every 20 ms until cancelled (as the bpmn-engine runner samples RSS).</summary>
    private static async Task<long> SamplePeakWorkingSetAsync(CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        long peak = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            self.Refresh();
            peak = Math.Max(peak, self.WorkingSet64);
        }
        while (await timer.WaitForNextTickAsync(CancellationToken.None) && !cancellationToken.IsCancellationRequested);

        self.Refresh();
        return Math.Max(peak, self.WorkingSet64);
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
