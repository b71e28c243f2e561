using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Brands.Workflows;
using Brands.Workflows.Persistence;

namespace Brands.Bench;

/// <summary>
/// Drives supplement.bpmn: cases are started, each with its own business key and <c>applicationNo</c>, and wait
/// at the message catch (untimed); then one <c>supplement-received</c> message per case, correlated by business
/// key with <c>supplementNo</c> set to the case's number, by <c>callers</c> concurrent callers (timed); then every
/// case is checked to have completed with the supplement meant for it.
/// </summary>
internal sealed class CorrelationRun(WorkflowEngine engine, string definitionKey)
{
    public const string MessageName = "supplement-received";

    /// <summary>Starts <paramref name="cases"/> cases that wait for the message; the setup, not timed.</summary>
    public async Task<Guid[]> StartWaitingAsync(int cases, int callers, string businessKeyPrefix, CancellationToken cancellationToken)
    {
        var caseIds = new Guid[cases];
        await ForEachAsync(cases, callers, async i =>
        {
            var started = await engine.StartAsync(definitionKey, BusinessKey(businessKeyPrefix, i),
                new JsonObject { ["applicationNo"] = i }, "bench", cancellationToken);
            if (started.Status != InstanceStatus.Active || started.ActiveElementIds is not ["supplement"])
            {
                throw new InvalidOperationException($"case {started.Id} should wait at the message catch; it is {started.Status} at [{string.Join(", ", started.ActiveElementIds)}]");
            }

            caseIds[i] = started.Id;
        });
        return caseIds;
    }

    /// <summary>Correlates one message per waiting case by its business key; the timed part.</summary>
    public async Task<CorrelationMeasurement> CorrelateAsync(IReadOnlyList<Guid> caseIds, int callers, string businessKeyPrefix, CancellationToken cancellationToken)
    {
        var latencies = new Latencies(caseIds.Count);
        var misdelivered = 0;
        using var window = ResourceWindow.Begin();
        await ForEachAsync(caseIds.Count, callers, async i =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var reached = await engine.CorrelateMessageAsync(MessageName, BusinessKey(businessKeyPrefix, i), null,
                new JsonObject { ["supplementNo"] = i }, "bench", cancellationToken);
            latencies.Record(i, Stopwatch.GetTimestamp() - t0);
            if (reached != caseIds[i])
            {
                Interlocked.Increment(ref misdelivered);
            }
        });
        var used = await window.EndAsync();
        return new CorrelationMeasurement(caseIds.Count, callers, misdelivered, latencies, used);
    }

    /// <summary>Reads every case back and counts those that ended completed, waiting nowhere, with their own supplement.</summary>
    public async Task<int> CountCompletedAsync(IReadOnlyList<Guid> caseIds, int callers, CancellationToken cancellationToken)
    {
        var completed = 0;
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = callers, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var snapshot = await engine.GetCaseAsync(id, token);
                if (snapshot is { Status: InstanceStatus.Completed, ActiveElementIds.Count: 0 }
                    && snapshot.Variables["supplementNo"]?.GetValue<int>() is { } supplement
                    && supplement == snapshot.Variables["applicationNo"]?.GetValue<int>())
                {
                    Interlocked.Increment(ref completed);
                }
            });
        return completed;
    }

    /// <summary>One untimed round of the warm-up (<see cref="SteadyWarmup"/>): start, correlate, check.</summary>
    public async Task<string?> WarmupRoundAsync(int cases, int callers, string businessKeyPrefix)
    {
        var caseIds = await StartWaitingAsync(cases, callers, businessKeyPrefix, CancellationToken.None);
        var warm = await CorrelateAsync(caseIds, callers, businessKeyPrefix, CancellationToken.None);
        var completed = await CountCompletedAsync(caseIds, callers, CancellationToken.None);
        return completed == cases && warm.Misdelivered == 0 ? null : $"{completed} of {cases} completed, {warm.Misdelivered} messages reached another case";
    }

    public static string BusinessKey(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D6}");

    /// <summary>C callers take numbers 0..count-1 from a shared counter until all are done.</summary>
    private static Task ForEachAsync(int count, int callers, Func<int, Task> body)
    {
        var next = -1;
        async Task CallerAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await body(i);
            }
        }

        return Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(CallerAsync)));
    }
}
