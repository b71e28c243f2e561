using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>
/// Several jobs of a node at once (<see cref="WorkflowEngine.RunDueJobsAsync"/>, docs/engine.md, "The job
/// executor"): side by side across cases, one after another within a case, each once, under leases renewed for all.
/// </summary>
public abstract class ParallelJobScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string TimerThenWork(string key, string topic) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="{{topic}}" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "wait")}}
        {{Flow("f2", "wait", "work")}}
        {{Flow("f3", "work", "end")}}
        """);

    private static string TwoTimersAtOnce(string key, string topic) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:intermediateCatchEvent id="waitA"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="waitB"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="workA" camunda:type="external" camunda:topic="{{topic}}" />
        <bpmn:serviceTask id="workB" camunda:type="external" camunda:topic="{{topic}}" />
        <bpmn:parallelGateway id="join" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "fork")}}
        {{Flow("f2", "fork", "waitA")}}
        {{Flow("f3", "fork", "waitB")}}
        {{Flow("f4", "waitA", "workA")}}
        {{Flow("f5", "waitB", "workB")}}
        {{Flow("f6", "workA", "join")}}
        {{Flow("f7", "workB", "join")}}
        {{Flow("f8", "join", "end")}}
        """);

    private static string AsyncWork(string key, string topic) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="{{topic}}" camunda:asyncBefore="true" />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "work")}}
        {{Flow("f2", "work", "after")}}
        {{Flow("f3", "after", "end")}}
        """);

    private static string TaskWithReminder(string key, string topic) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" />
        <bpmn:boundaryEvent id="reminder" attachedToRef="submit" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:serviceTask id="remind" camunda:type="external" camunda:topic="{{topic}}" />
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="done" />
        {{Flow("f1", "start", "submit")}}
        {{Flow("f2", "submit", "done")}}
        {{Flow("f3", "reminder", "remind")}}
        {{Flow("f4", "remind", "reminded")}}
        """);

    private static WorkflowEngineOptions Options(TimeSpan? lease = null) =>
        new() { ScriptTimeout = TimeSpan.FromSeconds(5), JobLockDuration = lease ?? TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task Timers_of_different_cases_fire_side_by_side_each_once()
    {
        var work = new OverlapHandler("side-by-side");
        var harness = NewHarness(Options(), work);
        var deployed = await harness.Engine.DeployAsync(TimerThenWork("side-by-side", "side-by-side"), Cancel);
        var cases = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            cases.Add((await harness.Engine.StartAsync(deployed.Definitions[0].Key, null, null, null, Cancel)).Id);
        }

        harness.Clock.Advance(TimeSpan.FromHours(2));
        var ran = await harness.Engine.RunDueJobsAsync("node-1", new JobRunSettings { BatchSize = 5, Parallelism = 4 }, Cancel, Cancel);

        Assert.Equal(24, ran);
        Assert.True(work.Overlapped, "no two cases' timers ran at the same time");
        Assert.InRange(work.MostAtOnce, 2, 4);
        Assert.Equal(cases.Order(), work.Calls.Select(c => c.CaseId).Order());
        foreach (var id in cases)
        {
            Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(id)).Status);
            Assert.Single(await harness.HistoryKindsAsync(id, "wait"), k => k == "timer-fired");
            Assert.Empty(await harness.Store.GetJobsAsync(id, Cancel));
        }
    }

    [Fact]
    public async Task Two_nodes_running_several_jobs_each_at_once_fire_every_timer_once()
    {
        var work = new OverlapHandler("two-nodes");
        var node1 = NewHarness(Options(), work);
        var node2 = NewHarness(Options(), work);
        var deployed = await node1.Engine.DeployAsync(TimerThenWork("two-nodes", "two-nodes"), Cancel);
        var cases = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            cases.Add((await node1.Engine.StartAsync(deployed.Definitions[0].Key, null, null, null, Cancel)).Id);
        }

        node1.Clock.Advance(TimeSpan.FromHours(2));
        node2.Clock.SetUtcNow(node1.Clock.GetUtcNow());
        var settings = new JobRunSettings { BatchSize = 3, Parallelism = 4 };
        var ran = await Task.WhenAll(
            Task.Run(() => node1.Engine.RunDueJobsAsync("node-1", settings, Cancel, Cancel), Cancel),
            Task.Run(() => node2.Engine.RunDueJobsAsync("node-2", settings, Cancel, Cancel), Cancel));

        Assert.Equal(40, ran.Sum());
        Assert.Equal(cases.Order(), work.Calls.Select(c => c.CaseId).Order());
        foreach (var id in cases)
        {
            Assert.Single(await node1.HistoryKindsAsync(id, "wait"), k => k == "timer-fired");
            Assert.Equal(InstanceStatus.Completed, (await node1.CaseAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Two_timers_of_one_case_in_one_batch_fire_one_after_another_without_a_conflict()
    {
        var work = new OverlapHandler("same-case") { Hold = TimeSpan.FromMilliseconds(50) };
        var harness = NewHarness(Options(), work);
        var deployed = await harness.Engine.DeployAsync(TwoTimersAtOnce("same-case", "same-case"), Cancel);
        var cases = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            cases.Add((await harness.Engine.StartAsync(deployed.Definitions[0].Key, null, null, null, Cancel)).Id);
        }

        harness.Clock.Advance(TimeSpan.FromHours(2));
        var ran = await harness.Engine.RunDueJobsAsync("node-1", new JobRunSettings { BatchSize = 8, Parallelism = 8 }, Cancel, Cancel);

        // Run at once, the second commit of a case would lose to the first and run its handler again.
        Assert.Equal(8, ran);
        Assert.False(work.SameCaseAtOnce, "two jobs of one case ran at the same time");
        Assert.True(work.Overlapped, "no two cases' timers ran at the same time");
        foreach (var id in cases)
        {
            Assert.Equal(["workA", "workB"], work.Calls.Where(c => c.CaseId == id).Select(c => c.ElementId).Order());
            Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(id)).Status);
            Assert.Empty(await harness.Store.GetOpenIncidentsAsync(id, Cancel));
        }
    }

    [Fact]
    public async Task The_lease_renewal_covers_every_held_job_running_or_waiting()
    {
        var work = new OverlapHandler("held") { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var harness = NewHarness(Options(TimeSpan.FromMinutes(3)), work);
        var deployed = await harness.Engine.DeployAsync(AsyncWork("held", "held"), Cancel);
        var cases = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add((await harness.Engine.StartAsync(deployed.Definitions[0].Key, null, null, null, Cancel)).Id);
        }

        var jobs = new List<Guid>();
        foreach (var id in cases)
        {
            jobs.Add(Assert.Single(await harness.Store.GetJobsAsync(id, Cancel)).Id);
        }

        var acquiredAt = harness.Clock.GetUtcNow();
        var running = harness.Engine.RunDueJobsAsync("node-1", new JobRunSettings { BatchSize = 5, Parallelism = 2 }, Cancel, Cancel);
        await work.WaitUntilRunningAsync(2, Patience);

        // Two run (held in their handler), three wait their turn: a renewal a minute on extends all five.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually(async () =>
        {
            foreach (var id in jobs)
            {
                var stored = await harness.Store.GetJobAsync(id, Cancel);
                if (stored?.LockExpiresAt != acquiredAt.AddMinutes(4) || stored.LockOwner != "node-1")
                {
                    return false;
                }
            }

            return true;
        }, "every held job's lease renewed to acquisition + 4 minutes");
        var later = acquiredAt.AddMinutes(3.5);
        Assert.Empty(await harness.Store.AcquireJobsAsync("node-2", later, later.AddMinutes(3), 100, Cancel));

        work.Gate.SetResult();
        Assert.Equal(5, await running.WaitAsync(Patience, Cancel));
        Assert.Equal(2, work.MostAtOnce);
        foreach (var id in cases)
        {
            Assert.Equal("after", Assert.Single(await harness.TasksAsync(id)).ElementId);
        }
    }

    [Fact]
    public async Task A_case_changed_after_its_batch_was_read_fires_on_its_current_state()
    {
        var first = new OverlapHandler("first-in-batch") { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var harness = NewHarness(Options(), first);
        var earlier = await harness.StartAsync(TimerThenWork("read-ahead-first", "first-in-batch"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var reminded = await harness.StartAsync(TaskWithReminder("read-ahead-changed", "record"));
        harness.Clock.Advance(TimeSpan.FromHours(2));

        // One worker, one batch of both jobs (both cases read with it); while the first job runs, a user claims the
        // second case's task, so the record read with the batch is out of date when its reminder fires.
        var running = harness.Engine.RunDueJobsAsync("node-1", new JobRunSettings { BatchSize = 2, Parallelism = 1 }, Cancel, Cancel);
        await first.WaitUntilRunningAsync(1, Patience);
        var task = Assert.Single(await harness.TasksAsync(reminded.Id));
        await harness.Engine.ClaimTaskAsync(task.Id, "wang", Cancel);
        first.Gate.SetResult();
        Assert.Equal(2, await running.WaitAsync(Patience, Cancel));

        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(earlier.Id)).Status);
        var history = (await harness.Store.GetHistoryAsync(reminded.Id, Cancel)).Select(h => h.Kind).ToList();
        Assert.Single(history, k => k == "timer-fired");
        Assert.True(history.IndexOf("task-claimed") < history.IndexOf("timer-fired"), string.Join(", ", history));
        Assert.Equal("wang", Assert.Single(await harness.TasksAsync(reminded.Id)).Assignee);
        Assert.Contains(harness.Recorder.Calls, c => c.CaseId == reminded.Id && c.ElementId == "remind");
        Assert.Empty(await harness.Store.GetOpenIncidentsAsync(reminded.Id, Cancel));
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10, Cancel);
        }

        Assert.Fail($"not seen within {Patience}: {what}");
    }

    /// <summary>
    /// A handler that notes who runs at once: its first call waits (up to a few seconds) for a second call to begin,
    /// so <see cref="Overlapped"/> proves two ran side by side; <see cref="SameCaseAtOnce"/> that a case ran twice at once.
    /// </summary>
    private sealed class OverlapHandler(string topic) : IServiceTaskHandler
    {
        private readonly HashSet<Guid> _casesRunning = [];
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running;
        private int _started;

        public string Topic { get; } = topic;
        public List<(Guid CaseId, string ElementId)> Calls { get; } = [];
        public TimeSpan Hold { get; init; }
        public TaskCompletionSource? Gate { get; init; }
        public bool Overlapped { get; private set; }
        public bool SameCaseAtOnce { get; private set; }
        public int MostAtOnce { get; private set; }

        public async Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            int started;
            lock (Calls)
            {
                Calls.Add((context.CaseId, context.ElementId));
                SameCaseAtOnce |= !_casesRunning.Add(context.CaseId);
                MostAtOnce = Math.Max(MostAtOnce, ++_running);
                started = ++_started;
            }

            try
            {
                if (started == 1)
                {
                    Overlapped = await _second.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
                }
                else
                {
                    _second.TrySetResult();
                }

                if (Hold > TimeSpan.Zero)
                {
                    await Task.Delay(Hold, cancellationToken);
                }

                if (Gate is { } gate)
                {
                    await gate.Task.WaitAsync(Patience, cancellationToken);
                }
            }
            finally
            {
                lock (Calls)
                {
                    _casesRunning.Remove(context.CaseId);
                    _running--;
                }
            }
        }

        public async Task WaitUntilRunningAsync(int count, TimeSpan patience)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                lock (Calls)
                {
                    if (_running >= count)
                    {
                        return;
                    }
                }

                Assert.True(waited.Elapsed < patience, $"fewer than {count} jobs ran at once within {patience}");
                await Task.Delay(10, Cancel);
            }
        }
    }
}
