using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class TimerScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Timer(string kind, string value) =>
        $"""<bpmn:timerEventDefinition><bpmn:{kind}>{System.Security.SecurityElement.Escape(value)}</bpmn:{kind}></bpmn:timerEventDefinition>""";

    private static string WaitThenTask(string key, string kind, string value) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait">{{Timer(kind, value)}}</bpmn:intermediateCatchEvent>
        <bpmn:userTask id="review" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "wait")}}
        {{Flow("f2", "wait", "review")}}
        {{Flow("f3", "review", "end")}}
        """);

    /// <summary>A user task with a deadline (interrupting) and a reminder (non-interrupting) drawn as boundary timers.</summary>
    private static string TaskWithDeadline(string key, string deadline, string reminder) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" />
        <bpmn:boundaryEvent id="deadline" attachedToRef="submit">{{Timer("timeDuration", deadline)}}</bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="reminder" attachedToRef="submit" cancelActivity="false">{{Timer("timeCycle", reminder)}}</bpmn:boundaryEvent>
        <bpmn:serviceTask id="remind" camunda:type="external" camunda:topic="record" />
        <bpmn:endEvent id="reminded" />
        <bpmn:userTask id="escalated" />
        <bpmn:endEvent id="done" />
        <bpmn:endEvent id="closed" />
        {{Flow("f1", "start", "submit")}}
        {{Flow("f2", "submit", "done")}}
        {{Flow("f3", "reminder", "remind")}}
        {{Flow("f4", "remind", "reminded")}}
        {{Flow("f5", "deadline", "escalated")}}
        {{Flow("f6", "escalated", "closed")}}
        """);

    [Fact]
    public async Task An_intermediate_timer_waits_its_duration_then_the_case_moves_on()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(WaitThenTask("timer-catch", "timeDuration", "P14D"));
        Assert.Equal(["wait"], started.ActiveElementIds);
        var timer = Assert.Single(await harness.Store.GetJobsAsync(started.Id));
        Assert.Equal(harness.Clock.GetUtcNow().AddDays(14), timer.DueAt);

        harness.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        await harness.RunJobsAsync();
        Assert.Empty(await harness.TasksAsync(started.Id));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.RunJobsAsync();
        Assert.Equal("review", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Contains("timer-fired", await harness.HistoryKindsAsync(started.Id, "wait"));
        Assert.Empty(await harness.Store.GetJobsAsync(started.Id));
    }

    [Fact]
    public async Task A_month_is_a_calendar_month_in_the_process_time_zone()
    {
        var harness = NewHarness();
        // 31 January 2027, 09:00 in Shanghai.
        harness.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 31, 1, 0, 0, TimeSpan.Zero));
        var started = await harness.StartAsync(WaitThenTask("timer-month", "timeDuration", "P1M"));

        var timer = Assert.Single(await harness.Store.GetJobsAsync(started.Id));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 1, 0, 0, TimeSpan.Zero), timer.DueAt);
    }

    [Fact]
    public async Task A_date_timer_from_an_expression_is_read_in_Shanghai_time()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(WaitThenTask("timer-date", "timeDate", "${deadline}"), new { deadline = "2026-12-15" });

        var timer = Assert.Single(await harness.Store.GetJobsAsync(started.Id));
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 16, 0, 0, TimeSpan.Zero), timer.DueAt);
    }

    [Fact]
    public async Task A_timer_expression_that_yields_no_date_raises_an_incident_and_the_case_waits()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(WaitThenTask("timer-bad-expression", "timeDate", "${deadline}"), new { deadline = "next Tuesday" });

        var incident = Assert.Single(await harness.Store.GetOpenIncidentsAsync(started.Id));
        Assert.Equal("wait", incident.ElementId);
        Assert.Contains("next Tuesday", incident.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Active, (await harness.CaseAsync(started.Id)).Status);
        Assert.Empty(await harness.TasksAsync(started.Id));
    }

    [Fact]
    public async Task Finishing_the_task_in_time_removes_its_deadline_and_its_reminders()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(TaskWithDeadline("deadline-met", "P30D", "R3/P7D"));
        Assert.Equal(2, (await harness.Store.GetJobsAsync(started.Id)).Count);

        await harness.CompleteAsync(started.Id, "submit");

        Assert.Empty(await harness.Store.GetJobsAsync(started.Id));
        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_reminder_cycle_fires_its_count_beside_the_open_task_and_the_deadline_then_interrupts_it()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(TaskWithDeadline("deadline-missed", "P30D", "R3/P7D"));

        for (var week = 1; week <= 4; week++)
        {
            harness.Clock.Advance(TimeSpan.FromDays(7));
            await harness.RunJobsAsync();
        }

        Assert.Equal(3, harness.Recorder.Calls.Count(c => c.CaseId == started.Id));
        Assert.Equal("submit", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Equal("deadline", Assert.Single(await harness.Store.GetJobsAsync(started.Id)).ElementId);

        harness.Clock.Advance(TimeSpan.FromDays(2));
        await harness.RunJobsAsync();
        Assert.Equal("escalated", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Empty(await harness.Store.GetJobsAsync(started.Id));
        Assert.Contains("task-cancelled", await harness.HistoryKindsAsync(started.Id, "submit"));
    }

    [Fact]
    public async Task An_unbounded_cycle_that_missed_several_firings_fires_once_and_schedules_the_next_after_now()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(TaskWithDeadline("reminder-catch-up", "P30D", "R/PT1H"));

        harness.Clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(30));
        await harness.RunJobsAsync();

        Assert.Single(harness.Recorder.Calls, c => c.CaseId == started.Id);
        var next = (await harness.Store.GetJobsAsync(started.Id)).Single(j => j.ElementId == "reminder");
        Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(30), next.DueAt);
    }

    [Fact]
    public async Task A_cycle_with_a_start_date_fires_first_at_that_date()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(TaskWithDeadline("reminder-start", "P30D", "R2/2026-04-05T09:00/P1D"));

        var reminder = (await harness.Store.GetJobsAsync(started.Id)).Single(j => j.ElementId == "reminder");
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 1, 0, 0, TimeSpan.Zero), reminder.DueAt);
    }

    [Fact]
    public async Task A_timer_start_event_starts_a_case_at_each_firing_and_a_new_version_replaces_its_timer()
    {
        var harness = NewHarness();
        var xml = Process("timer-start", $$"""
            <bpmn:startEvent id="hourly">{{Timer("timeCycle", "R2/PT1H")}}</bpmn:startEvent>
            <bpmn:userTask id="check" />
            {{Flow("f1", "hourly", "check")}}
            """);
        var deployed = (await harness.Engine.DeployAsync(xml)).Definitions[0];
        var startJob = Assert.Single(await StartJobsAsync(harness, deployed.Id));
        Assert.Equal(harness.Clock.GetUtcNow().AddHours(1), startJob.DueAt);

        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.RunJobsAsync();
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.RunJobsAsync();
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await harness.RunJobsAsync();

        var tasks = await harness.Store.QueryTasksAsync(new TaskQuery());
        Assert.Equal(2, tasks.Count(t => t.DefinitionKey == "timer-start"));
        Assert.Empty(await StartJobsAsync(harness, deployed.Id));

        var second = (await harness.Engine.DeployAsync(xml.Replace("R2/PT1H", "R/P1D", StringComparison.Ordinal))).Definitions[0];
        var third = (await harness.Engine.DeployAsync(xml.Replace("R2/PT1H", "0 0 9 * * ?", StringComparison.Ordinal))).Definitions[0];
        Assert.Empty(await StartJobsAsync(harness, second.Id));
        var cron = Assert.Single(await StartJobsAsync(harness, third.Id));
        // Deployed at 12:00 in Shanghai (04:00 UTC): the next 09:00 there is tomorrow, 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 1, 0, 0, TimeSpan.Zero), cron.DueAt);
    }

    private static Task<IReadOnlyList<JobRecord>> StartJobsAsync(EngineHarness harness, string definitionId) =>
        harness.Store.QueryJobsAsync(new JobQuery { DefinitionId = definitionId });
}
