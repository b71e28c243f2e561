using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>The job executor on several nodes and through faults (docs/engine.md, "The job executor").</summary>
public abstract class JobExecutorScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string AsyncService(string key, string topic) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="work" camunda:type="external" camunda:topic="{{topic}}" camunda:asyncBefore="true" />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "work")}}
        {{Flow("f2", "work", "after")}}
        {{Flow("f3", "after", "end")}}
        """);

    private static string TimerThenRecord(string key) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>${wait}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:serviceTask id="fired" camunda:type="external" camunda:topic="record" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "wait")}}
        {{Flow("f2", "wait", "fired")}}
        {{Flow("f3", "fired", "end")}}
        """);

    private static string TaskWithDailyReminder(string key) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" />
        <bpmn:boundaryEvent id="reminder" attachedToRef="submit" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:serviceTask id="remind" camunda:type="external" camunda:topic="record" />
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="done" />
        {{Flow("f1", "start", "submit")}}
        {{Flow("f2", "submit", "done")}}
        {{Flow("f3", "reminder", "remind")}}
        {{Flow("f4", "remind", "reminded")}}
        """);

    private static string DailyStart(string key) => Process(key, $$"""
        <bpmn:startEvent id="daily"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:userTask id="check" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "daily", "check")}}
        {{Flow("f2", "check", "end")}}
        """);

    private static WorkflowEngineOptions Options(TimeSpan? lease = null) =>
        new() { ScriptTimeout = TimeSpan.FromSeconds(5), JobLockDuration = lease ?? TimeSpan.FromMinutes(5) };

    [Fact]
    public async Task A_job_that_runs_longer_than_its_lease_keeps_it_until_it_is_done()
    {
        var slow = new AwaitingHandler("slow");
        var harness = NewHarness(Options(TimeSpan.FromMinutes(3)), slow);
        var started = await harness.StartAsync(AsyncService("lease-renewed", "slow"));
        var job = Assert.Single(await harness.Store.GetJobsAsync(started.Id));
        var acquiredAt = harness.Clock.GetUtcNow();
        slow.Body = async () =>
        {
            // The lease is 3 minutes, renewed every minute while the job runs: the handler takes 4.
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            await WaitForLeaseAsync(harness, job.Id, acquiredAt.AddMinutes(4));
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            await WaitForLeaseAsync(harness, job.Id, acquiredAt.AddMinutes(5));
            harness.Clock.Advance(TimeSpan.FromMinutes(2));
            var now = harness.Clock.GetUtcNow();
            var other = await harness.Store.AcquireJobsAsync("node-2", now, now.AddMinutes(3), 100, Cancel);
            Assert.DoesNotContain(job.Id, other.Select(j => j.Id));
        };

        Assert.Equal(1, await harness.Engine.ExecuteDueJobsAsync("node-1", 10, Cancel));

        Assert.Equal(1, slow.Calls);
        Assert.Equal("after", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Empty(await harness.Store.GetJobsAsync(started.Id));
    }

    [Fact]
    public async Task A_node_whose_job_another_node_took_over_commits_nothing_and_the_other_node_runs_it()
    {
        var slow = new AwaitingHandler("stalled");
        var harness = NewHarness(Options(), slow);
        var started = await harness.StartAsync(AsyncService("lease-lost", "stalled"));
        var job = Assert.Single(await harness.Store.GetJobsAsync(started.Id));
        slow.Body = async () =>
        {
            // This node stalls past its lease (a pause no renewal got through), and node 2 takes the job.
            var later = harness.Clock.GetUtcNow().AddMinutes(10);
            var taken = await harness.Store.AcquireJobsAsync("node-2", later, later.AddMinutes(10), 100, Cancel);
            Assert.Contains(job.Id, taken.Select(j => j.Id));
        };

        Assert.Equal(1, await harness.Engine.ExecuteDueJobsAsync("node-1", 10, Cancel));

        var stored = await harness.Store.GetJobAsync(job.Id, Cancel);
        Assert.Equal(("node-2", 3, (string?)null), (stored?.LockOwner, stored?.Retries, stored?.LastError));
        Assert.Equal(["work"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        Assert.Empty(await harness.TasksAsync(started.Id));
        Assert.Empty(await harness.Store.GetOpenIncidentsAsync(started.Id, Cancel));

        slow.Body = null;
        harness.Clock.Advance(TimeSpan.FromMinutes(21));
        await harness.RunJobsAsync();
        Assert.Equal(2, slow.Calls);
        Assert.Equal("after", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
    }

    [Fact]
    public async Task A_fault_that_is_not_a_scripts_is_retried_then_becomes_an_incident_and_is_not_taken_again()
    {
        var faulting = true;
        var harness = new EngineHarness(FaultyStore.Over(Store, failCommit: c => faulting && c.JobLockGuards.Count > 0 && c.DeletedJobs.Count > 0), Options());
        var started = await harness.StartAsync(AsyncService("engine-fault", "record"));
        var job = Assert.Single(await harness.Store.GetJobsAsync(started.Id));

        await harness.RunJobsAsync();
        var stored = await harness.Store.GetJobAsync(job.Id, Cancel);
        Assert.Equal((2, harness.Clock.GetUtcNow().AddMinutes(5), (string?)null), (stored?.Retries, stored?.DueAt, stored?.LockOwner));
        Assert.Contains("injected fault", stored?.LastError, StringComparison.Ordinal);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(5));
            await harness.RunJobsAsync();
        }

        Assert.Equal(0, (await harness.Store.GetJobAsync(job.Id, Cancel))?.Retries);
        var incident = Assert.Single(await harness.Store.GetOpenIncidentsAsync(started.Id, Cancel));
        Assert.Equal((job.Id, "failed-job", "work"), (incident.JobId, incident.Kind, incident.ElementId));
        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.RunJobsAsync();
        Assert.Equal(3, harness.Recorder.Calls.Count(c => c.CaseId == started.Id));

        faulting = false;
        await harness.Engine.RetryJobAsync(job.Id, Cancel);
        await harness.RunJobsAsync();
        Assert.Equal("after", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Empty(await harness.Store.GetOpenIncidentsAsync(started.Id, Cancel));
    }

    [Fact]
    public async Task A_job_whose_case_cannot_be_read_ends_as_a_failed_job_with_its_error_not_a_loop()
    {
        var broken = Guid.Empty;
        var harness = new EngineHarness(FaultyStore.Over(Store, failCaseRead: id => id == broken), Options());
        var started = await harness.StartAsync(AsyncService("unreadable-case", "record"));
        var job = Assert.Single(await harness.Store.GetJobsAsync(started.Id));
        broken = started.Id;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await harness.RunJobsAsync();
            harness.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var stored = await harness.Store.GetJobAsync(job.Id, Cancel);
        Assert.Equal((0, (string?)null), (stored?.Retries, stored?.LockOwner));
        Assert.Contains("cannot be read", stored?.LastError, StringComparison.Ordinal);
        Assert.Contains("recording an incident failed too", stored?.LastError, StringComparison.Ordinal);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.DoesNotContain(job.Id, (await harness.Store.AcquireJobsAsync("node-2", harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow().AddMinutes(5), 1000, Cancel)).Select(j => j.Id));
    }

    [Fact]
    public async Task A_failing_timer_start_job_without_a_case_runs_out_of_retries_and_waits_for_an_administrator()
    {
        var faulting = true;
        var harness = new EngineHarness(FaultyStore.Over(Store, failCommit: c => faulting && c.NewInstances.Count > 0), Options());
        var deployed = await harness.Engine.DeployAsync(DailyStart("daily-start-fault"), Cancel);
        var job = Assert.Single(await harness.Store.QueryJobsAsync(new JobQuery { DefinitionId = deployed.Definitions[0].Id }, Cancel));

        for (var attempt = 0; attempt < 10 && (await harness.Store.GetJobAsync(job.Id, Cancel))!.Retries > 0; attempt++)
        {
            harness.Clock.SetUtcNow((await harness.Store.GetJobAsync(job.Id, Cancel))!.DueAt);
            await harness.RunJobsAsync();
        }

        var failed = await harness.Store.GetJobAsync(job.Id, Cancel);
        Assert.Equal(0, failed?.Retries);
        Assert.Contains("injected fault", failed?.LastError, StringComparison.Ordinal);
        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.RunJobsAsync();
        Assert.Equal(0, (await harness.Store.GetJobAsync(job.Id, Cancel))?.Retries);
        Assert.DoesNotContain(await harness.Store.QueryTasksAsync(new TaskQuery(), Cancel), t => t.DefinitionKey == "daily-start-fault");

        faulting = false;
        await harness.Engine.RetryJobAsync(job.Id, Cancel);
        await harness.RunJobsAsync();
        Assert.Single(await harness.Store.QueryTasksAsync(new TaskQuery(), Cancel), t => t.DefinitionKey == "daily-start-fault");
        Assert.True((await harness.Store.GetJobAsync(job.Id, Cancel))!.DueAt > harness.Clock.GetUtcNow());
    }

    [Fact]
    public async Task After_downtime_every_overdue_timer_fires_once_in_due_order_in_bounded_batches()
    {
        var harness = NewHarness(Options());
        var timerDays = new[] { 5, 1, 3, 2, 4 };
        var cases = new List<(Guid Id, int Days)>();
        var deployed = await harness.Engine.DeployAsync(TimerThenRecord("overdue"), Cancel);
        foreach (var days in timerDays)
        {
            var started = await harness.Engine.StartAsync(deployed.Definitions[0].Key, null, EngineHarness.ToJson(new { wait = $"P{days}D" }), null, Cancel);
            cases.Add((started.Id, days));
        }

        var reminded = await harness.StartAsync(TaskWithDailyReminder("reminded-daily"));

        harness.Clock.Advance(TimeSpan.FromDays(30));
        int ran;
        while ((ran = await harness.Engine.ExecuteDueJobsAsync("node-1", 2, Cancel)) > 0)
        {
            Assert.True(ran <= 2);
        }

        var ours = cases.Select(c => c.Id).ToHashSet();
        var fired = harness.Recorder.Calls.Where(c => ours.Contains(c.CaseId)).Select(c => c.CaseId).ToList();
        Assert.Equal(cases.OrderBy(c => c.Days).Select(c => c.Id), fired);
        Assert.All(cases, c => Assert.Equal(InstanceStatus.Completed, harness.CaseAsync(c.Id).Result.Status));

        // The daily reminder missed 30 firings: it fires once, late, and its next firing is after now.
        Assert.Single(harness.Recorder.Calls, c => c.CaseId == reminded.Id);
        var next = Assert.Single(await harness.Store.GetJobsAsync(reminded.Id));
        var now = harness.Clock.GetUtcNow();
        Assert.InRange(next.DueAt, now.AddTicks(1), now.AddDays(1));
    }

    [Fact]
    public async Task Cancelling_a_reminder_stops_it_and_the_case_waits_on_at_its_task()
    {
        var harness = NewHarness(Options());
        var started = await harness.StartAsync(TaskWithDailyReminder("reminder-cancelled"));
        var reminder = Assert.Single(await harness.Store.GetJobsAsync(started.Id));

        await harness.Engine.CancelJobAsync(reminder.Id, "admin", Cancel);

        Assert.Empty(await harness.Store.GetJobsAsync(started.Id));
        Assert.Contains("timer-cancelled", await harness.HistoryKindsAsync(started.Id, "reminder"));
        harness.Clock.Advance(TimeSpan.FromDays(3));
        await harness.RunJobsAsync();
        Assert.DoesNotContain(harness.Recorder.Calls, c => c.CaseId == started.Id);
        await harness.CompleteAsync(started.Id, "submit");
        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_timer_start_job_without_a_case_can_be_cancelled()
    {
        var harness = NewHarness(Options());
        var deployed = await harness.Engine.DeployAsync(DailyStart("daily-start-cancelled"), Cancel);
        var job = Assert.Single(await harness.Store.QueryJobsAsync(new JobQuery { DefinitionId = deployed.Definitions[0].Id }, Cancel));

        await harness.Engine.CancelJobAsync(job.Id, "admin", Cancel);

        Assert.Null(await harness.Store.GetJobAsync(job.Id, Cancel));
        harness.Clock.Advance(TimeSpan.FromDays(3));
        await harness.RunJobsAsync();
        Assert.DoesNotContain(await harness.Store.QueryTasksAsync(new TaskQuery(), Cancel), t => t.DefinitionKey == "daily-start-cancelled");
    }

    [Fact]
    public async Task A_job_that_carries_a_token_on_or_runs_now_cannot_be_cancelled()
    {
        var harness = NewHarness(Options());
        var started = await harness.StartAsync(AsyncService("not-cancellable", "record"));
        var job = Assert.Single(await harness.Store.GetJobsAsync(started.Id));

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => harness.Engine.CancelJobAsync(job.Id, "admin", Cancel));
        Assert.Contains("async-before", refused.Message, StringComparison.Ordinal);

        var now = harness.Clock.GetUtcNow();
        Assert.Contains(job.Id, (await harness.Store.AcquireJobsAsync("node-2", now, now.AddMinutes(5), 100, Cancel)).Select(j => j.Id));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.CancelJobAsync(job.Id, "admin", Cancel));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Engine.CancelJobAsync(Guid.NewGuid(), "admin", Cancel));
        Assert.NotNull(await harness.Store.GetJobAsync(job.Id, Cancel));
    }

    private static async Task WaitForLeaseAsync(EngineHarness harness, Guid jobId, DateTimeOffset expected)
    {
        // The renewal runs on the executor's own loop once the fake clock passes its interval: wait for its write.
        for (var i = 0; i < 1000; i++)
        {
            if ((await harness.Store.GetJobAsync(jobId, Cancel))?.LockExpiresAt == expected)
            {
                return;
            }

            await Task.Delay(10, Cancel);
        }

        Assert.Fail($"the lease of job {jobId} was not renewed to {expected:O}");
    }

    /// <summary>A handler that runs an asynchronous body of the test's, counting its calls.</summary>
    private sealed class AwaitingHandler(string topic) : IServiceTaskHandler
    {
        public string Topic { get; } = topic;
        public int Calls { get; private set; }
        public Func<Task>? Body { get; set; }

        public async Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Calls++;
            if (Body is { } body)
            {
                await body();
            }
        }
    }
}
