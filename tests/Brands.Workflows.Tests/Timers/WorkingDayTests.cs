using System.Globalization;
using Brands.Workflows.Model;
using Brands.Workflows.Tests.Support;
using Brands.Workflows.Timers;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Timers;

/// <summary>Working days (<c>P5WD</c>) and reminders on China's 2025 and 2026 calendars as the State Council published them.</summary>
public sealed class WorkingDayTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A Shanghai wall-clock time as an instant.</summary>
    private static DateTimeOffset Shanghai(string local) =>
        new(DateTime.Parse(local, CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static TimerSchedule Parse(TimerKind kind, string text)
    {
        Assert.True(TimerSchedule.TryParse(kind, text, "Asia/Shanghai", out var schedule, out var error), error);
        return schedule!;
    }

    [Theory]
    // Friday before National Day 2025: Sunday 28 September is a make-up working day, 1–8 October are holidays.
    [InlineData("2025-09-26T10:00", "P5WD", "2025-10-10T10:00")]
    // From the last holiday: Thursday 9, Friday 10, make-up Saturday 11 October.
    [InlineData("2025-10-08T16:30", "P3WD", "2025-10-11T16:30")]
    // An ordinary weekend counts nothing: Friday + 1 working day is Monday.
    [InlineData("2025-10-17T09:00", "P1WD", "2025-10-20T09:00")]
    // Spring Festival 2026 (15–23 February) with make-up Saturdays 14 and 28 February.
    [InlineData("2026-02-13T09:00", "P2WD", "2026-02-24T09:00")]
    [InlineData("2026-02-26T09:00", "P2WD", "2026-02-28T09:00")]
    public void Working_days_skip_holidays_and_weekends_and_count_make_up_days(string from, string duration, string expected)
    {
        Assert.Equal(Shanghai(expected), Parse(TimerKind.Duration, duration).FirstDue(Shanghai(from), ChinaCalendars.Shipped));
    }

    [Fact]
    public void Without_a_calendar_working_days_are_Monday_to_Friday()
    {
        Assert.Equal(Shanghai("2025-10-06T10:00"), Parse(TimerKind.Duration, "P5WD").FirstDue(Shanghai("2025-09-29T10:00")));
    }

    [Fact]
    public void A_working_day_cycle_fires_every_n_working_days()
    {
        var schedule = Parse(TimerKind.Cycle, "R3/P2WD");

        Assert.Equal(3, schedule.Repeats);
        Assert.Equal(Shanghai("2025-10-10T09:00"), schedule.NextDue(Shanghai("2025-09-30T09:00"), Shanghai("2025-09-30T09:00"), ChinaCalendars.Shipped));
    }

    [Fact]
    public void The_shipped_calendars_know_the_make_up_days_and_holidays()
    {
        var calendar = ChinaCalendars.Shipped;
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 9, 28)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 8)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 12)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 4)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 25)));
    }

    private static string TaskWithReminder(string key, string reminder, string dueDate = "", bool deadline = true) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="submit" {{(dueDate.Length > 0 ? $"camunda:dueDate=\"{dueDate}\"" : "")}} />
        <bpmn:boundaryEvent id="reminder" attachedToRef="submit" cancelActivity="false"><bpmn:timerEventDefinition>{{reminder}}</bpmn:timerEventDefinition></bpmn:boundaryEvent>
        {{(deadline ? """<bpmn:boundaryEvent id="deadline" attachedToRef="submit"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>""" : "")}}
        <bpmn:serviceTask id="remind" camunda:type="external" camunda:topic="record" />
        <bpmn:endEvent id="reminded" />
        <bpmn:endEvent id="done" />
        {{(deadline ? """<bpmn:endEvent id="late" />""" : "")}}
        {{Flow("f1", "start", "submit")}}
        {{Flow("f2", "submit", "done")}}
        {{Flow("f3", "reminder", "remind")}}
        {{Flow("f4", "remind", "reminded")}}
        {{(deadline ? Flow("f5", "deadline", "late") : "")}}
        """);

    [Fact]
    public async Task A_reminder_due_on_a_holiday_moves_to_the_previous_working_day_and_a_deadline_does_not()
    {
        // Sunday 28 September 2025, a make-up working day, 09:00: three days on is National Day.
        var harness = new EngineHarness(null, null, ChinaCalendars.Shipped, Shanghai("2025-09-28T09:00"));
        var started = await harness.StartAsync(TaskWithReminder("reminder-moved", "<bpmn:timeDuration>P3D</bpmn:timeDuration>"));

        var jobs = await harness.Store.GetJobsAsync(started.Id, Cancel);
        Assert.Equal(Shanghai("2025-09-30T09:00"), jobs.Single(j => j.ElementId == "reminder").DueAt);
        Assert.Equal(Shanghai("2025-10-01T09:00"), jobs.Single(j => j.ElementId == "deadline").DueAt);
    }

    [Fact]
    public async Task A_daily_reminder_skips_the_holiday_week_and_fires_on_the_make_up_Saturday_after_it()
    {
        // Monday 29 September 2025, 09:00.
        var harness = new EngineHarness(null, null, ChinaCalendars.Shipped, Shanghai("2025-09-29T09:00"));
        var started = await harness.StartAsync(TaskWithReminder("reminder-daily", "<bpmn:timeCycle>R/P1D</bpmn:timeCycle>", deadline: false));
        var due = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            var reminder = Assert.Single(await harness.Store.GetJobsAsync(started.Id, Cancel));
            due.Add(reminder.DueAt);
            harness.Clock.SetUtcNow(reminder.DueAt);
            await harness.RunJobsAsync();
        }

        // 1–8 October are holidays (their firings would all move back to 30 September, already sent); Saturday 11 October
        // is a make-up working day; Sunday 12 October moves to the Saturday, already sent.
        Assert.Equal(
            [Shanghai("2025-09-30T09:00"), Shanghai("2025-10-09T09:00"), Shanghai("2025-10-10T09:00"), Shanghai("2025-10-11T09:00"), Shanghai("2025-10-13T09:00")],
            due);
        Assert.Equal(5, harness.Recorder.Calls.Count(c => c.CaseId == started.Id));
    }

    [Fact]
    public async Task A_due_date_in_working_days_is_counted_on_the_calendar()
    {
        var harness = new EngineHarness(null, null, ChinaCalendars.Shipped, Shanghai("2025-09-26T10:00"));
        var started = await harness.StartAsync(TaskWithReminder("due-in-working-days", "<bpmn:timeDuration>P30D</bpmn:timeDuration>", dueDate: "P5WD"));

        Assert.Equal(Shanghai("2025-10-10T10:00"), Assert.Single(await harness.TasksAsync(started.Id)).DueAt);
    }
}
