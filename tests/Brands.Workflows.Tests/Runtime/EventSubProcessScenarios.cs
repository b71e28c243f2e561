using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;
using static Brands.Workflows.Tests.Support.Names;

namespace Brands.Workflows.Tests.Runtime;

/// <remarks>Scenarios of a class share one store, so each test names its own messages and signals.</remarks>
public abstract class EventSubProcessScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string EventSubProcess(string id, string start, string body) => $$"""
        <bpmn:subProcess id="{{id}}" triggeredByEvent="true">
          {{start}}
          {{body}}
        </bpmn:subProcess>
        """;

    [Fact]
    public async Task An_interrupting_timer_event_sub_process_cancels_the_work_and_takes_over_the_case()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("esp-timer", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "work")}}
            {{Flow("f2", "work", "end")}}
            {{EventSubProcess("overdue", """<bpmn:startEvent id="tooLate"><bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>""",
                $"""<bpmn:userTask id="chase" /><bpmn:endEvent id="chased" />{Flow("o1", "tooLate", "chase")}{Flow("o2", "chase", "chased")}""")}}
            """));
        Assert.Equal("tooLate", Assert.Single(await harness.Store.GetJobsAsync(started.Id)).ElementId);

        harness.Clock.Advance(TimeSpan.FromDays(7));
        await harness.RunJobsAsync();

        Assert.Equal("chase", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Contains("task-cancelled", await harness.HistoryKindsAsync(started.Id, "work"));
        await harness.CompleteAsync(started.Id, "chase");
        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_non_interrupting_message_event_sub_process_runs_beside_the_work_each_time_until_its_scope_ends()
    {
        var harness = NewHarness();
        var question = Unique("question");
        var started = await harness.StartAsync(Process("esp-message", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="prepare">
              <bpmn:startEvent id="prepareStart" />
              <bpmn:userTask id="draft" />
              <bpmn:endEvent id="drafted" />
              {{Flow("p1", "prepareStart", "draft")}}
              {{Flow("p2", "draft", "drafted")}}
              {{EventSubProcess("questions", """<bpmn:startEvent id="asked" isInterrupting="false"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>""",
                  $"""<bpmn:userTask id="answer" /><bpmn:endEvent id="answered" />{Flow("q1", "asked", "answer")}{Flow("q2", "answer", "answered")}""")}}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "prepare")}}
            {{Flow("f2", "prepare", "after")}}
            """, $"""<bpmn:message id="msg" name="{question}" />"""), businessKey: "Q-1");

        await harness.Engine.CorrelateMessageAsync(question, "Q-1", null, new JsonObject { ["topic"] = "quota" });
        await harness.Engine.CorrelateMessageAsync(question, "Q-1", null, null);
        Assert.Equal(["answer", "answer", "draft"], (await harness.TasksAsync(started.Id)).Select(t => t.ElementId).Order());

        await harness.CompleteAsync(started.Id, "draft");
        Assert.Single(await harness.Store.GetSubscriptionsAsync(started.Id));
        await harness.CompleteAsync(started.Id, "answer");
        await harness.CompleteAsync(started.Id, "answer");

        Assert.Equal("after", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Empty(await harness.Store.GetSubscriptionsAsync(started.Id));
        Assert.Equal("quota", (await harness.CaseAsync(started.Id)).Variables["topic"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_error_event_sub_process_in_a_sub_process_catches_its_error_and_the_sub_process_then_completes()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("esp-error", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="check">
              <bpmn:startEvent id="checkStart" />
              <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="quota" /></bpmn:endEvent>
              {{Flow("c1", "checkStart", "fail")}}
              {{EventSubProcess("repair", """<bpmn:startEvent id="caught"><bpmn:errorEventDefinition errorRef="quota" camunda:errorCodeVariable="why" /></bpmn:startEvent>""",
                  $"""<bpmn:userTask id="fix" /><bpmn:endEvent id="fixed" />{Flow("r1", "caught", "fix")}{Flow("r2", "fix", "fixed")}""")}}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "check")}}
            {{Flow("f2", "check", "after")}}
            """, """<bpmn:error id="quota" errorCode="QUOTA_EXCEEDED" />"""));

        Assert.Equal("fix", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Equal("QUOTA_EXCEEDED", (await harness.CaseAsync(started.Id)).Variables["why"]!.GetValue<string>());
        await harness.CompleteAsync(started.Id, "fix");

        Assert.Equal("after", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
    }

    [Fact]
    public async Task A_process_level_error_event_sub_process_catches_a_service_task_error_no_boundary_caught()
    {
        var harness = NewHarness();
        harness.Recorder.BpmnErrorCode = "INELIGIBLE";
        var started = await harness.StartAsync(Process("esp-service-error", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="checkEligibility" camunda:type="external" camunda:topic="record" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "checkEligibility")}}
            {{Flow("f2", "checkEligibility", "end")}}
            {{EventSubProcess("rejected", """<bpmn:startEvent id="ineligible"><bpmn:errorEventDefinition /></bpmn:startEvent>""",
                $"""<bpmn:userTask id="notify" /><bpmn:endEvent id="notified" />{Flow("n1", "ineligible", "notify")}{Flow("n2", "notify", "notified")}""")}}
            """));

        Assert.Equal("notify", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Contains("error-caught", await harness.HistoryKindsAsync(started.Id, "ineligible"));
    }

    [Fact]
    public async Task A_non_interrupting_signal_event_sub_process_runs_beside_the_work_and_goes_when_the_case_ends()
    {
        var harness = NewHarness();
        var signal = Unique("rules-changed");
        var started = await harness.StartAsync(Process("esp-signal", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "work")}}
            {{Flow("f2", "work", "end")}}
            {{EventSubProcess("notice", """<bpmn:startEvent id="changed" isInterrupting="false"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>""",
                $"""<bpmn:serviceTask id="tell" camunda:type="external" camunda:topic="record" /><bpmn:endEvent id="told" />{Flow("n1", "changed", "tell")}{Flow("n2", "tell", "told")}""")}}
            """, $"""<bpmn:signal id="sig" name="{signal}" />"""));

        Assert.Equal(1, await harness.Engine.BroadcastSignalAsync(signal, null));
        await harness.RunJobsAsync();
        Assert.Single(harness.Recorder.Calls, c => c.CaseId == started.Id);
        Assert.Equal("work", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);

        await harness.CompleteAsync(started.Id, "work");
        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
        Assert.Empty(await harness.Store.GetSubscriptionsAsync(started.Id));
        Assert.Equal(0, await harness.Engine.BroadcastSignalAsync(signal, null));
    }

    private static string Escalating(string key, string boundary) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="review">
          <bpmn:startEvent id="reviewStart" />
          <bpmn:intermediateThrowEvent id="late"><bpmn:escalationEventDefinition escalationRef="esc" /></bpmn:intermediateThrowEvent>
          <bpmn:userTask id="decide" />
          <bpmn:endEvent id="decided" />
          {{Flow("r1", "reviewStart", "late")}}
          {{Flow("r2", "late", "decide")}}
          {{Flow("r3", "decide", "decided")}}
        </bpmn:subProcess>
        {{boundary}}
        <bpmn:userTask id="notifyLeader" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="notified" />
        {{Flow("f1", "start", "review")}}
        {{Flow("f2", "review", "end")}}
        {{Flow("f3", "escalated", "notifyLeader")}}
        {{Flow("f4", "notifyLeader", "notified")}}
        """, """<bpmn:escalation id="esc" escalationCode="REVIEW_LATE" />""");

    [Fact]
    public async Task A_non_interrupting_escalation_boundary_event_notifies_while_the_review_goes_on()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Escalating("escalation-soft",
            """<bpmn:boundaryEvent id="escalated" attachedToRef="review" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc" camunda:escalationCodeVariable="escalation" /></bpmn:boundaryEvent>"""));

        Assert.Equal(["decide", "notifyLeader"], (await harness.TasksAsync(started.Id)).Select(t => t.ElementId).Order());
        Assert.Equal("REVIEW_LATE", (await harness.CaseAsync(started.Id)).Variables["escalation"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_interrupting_escalation_boundary_event_ends_the_review_and_the_thrower_with_it()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Escalating("escalation-hard",
            """<bpmn:boundaryEvent id="escalated" attachedToRef="review"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>"""));

        Assert.Equal("notifyLeader", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Empty(await harness.HistoryKindsAsync(started.Id, "decide"));
    }

    [Fact]
    public async Task An_escalation_nobody_catches_changes_nothing()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Escalating("escalation-uncaught",
            """<bpmn:boundaryEvent id="escalated" attachedToRef="review"><bpmn:escalationEventDefinition escalationRef="other" /></bpmn:boundaryEvent>""")
            .Replace("<bpmn:escalation id=\"esc\"", "<bpmn:escalation id=\"other\" escalationCode=\"OTHER\" /><bpmn:escalation id=\"esc\"", StringComparison.Ordinal));

        Assert.Equal("decide", Assert.Single(await harness.TasksAsync(started.Id)).ElementId);
        Assert.Contains("escalation-uncaught", await harness.HistoryKindsAsync(started.Id, "late"));
    }
}
