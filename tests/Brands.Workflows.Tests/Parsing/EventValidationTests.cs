using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Parsing;

/// <summary>Bad timers, messages, signals and event-based gateways are refused at deploy with the element and its line.</summary>
public sealed class EventValidationTests
{
    private readonly EngineHarness _harness = new();

    private async Task<ValidationError> RefusedAsync(string xml, string elementId)
    {
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => _harness.Engine.DeployAsync(xml));
        Assert.Empty(await _harness.Store.ListLatestDefinitionsAsync());
        var error = Assert.Single(refused.Errors, e => e.ElementId == elementId);
        Assert.Equal(LineOf(xml, elementId), error.Line);
        return error;
    }

    private static int LineOf(string xml, string id) =>
        xml.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains($"id=\"{id}\"", StringComparison.Ordinal)).i + 1;

    private static string CatchTimer(string kind, string value) => Process("timers", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:{{kind}}>{{value}}</bpmn:{{kind}}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        {{Flow("f1", "start", "wait")}}
        """);

    [Theory]
    [InlineData("timeDuration", "P-1D", "negative")]
    [InlineData("timeDuration", "14 days", "not an ISO 8601 duration")]
    [InlineData("timeDuration", "P0WD", "not a working-day duration")]
    [InlineData("timeCycle", "R/P2DWD", "not a working-day duration")]
    [InlineData("timeCycle", "R0/P1D", "at least 1")]
    [InlineData("timeCycle", "R3/PT0S", "zero")]
    [InlineData("timeCycle", "0 0 25 * * ?", "cron expression")]
    [InlineData("timeCycle", "every monday", "neither an ISO 8601 cycle")]
    [InlineData("timeCycle", "0 0 9 * * ? 2027", "year")]
    [InlineData("timeDate", "2026-13-45", "not an ISO 8601 date")]
    [InlineData("timeDate", "tomorrow", "not an ISO 8601 date")]
    public async Task A_timer_value_that_is_no_date_duration_or_cycle_is_refused_naming_the_event(string kind, string value, string reason)
    {
        var error = await RefusedAsync(CatchTimer(kind, value), "wait");

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_with_an_expression_is_checked_when_it_starts_not_at_deploy()
    {
        var deployed = await _harness.Engine.DeployAsync(CatchTimer("timeDate", "${deadline}"));

        Assert.True(deployed.CreatedAny);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_on_the_process()
    {
        var xml = CatchTimer("timeDuration", "P1D").Replace("""<bpmn:process id="timers" isExecutable="true">""",
            """<bpmn:process id="timers" isExecutable="true"><bpmn:extensionElements><camunda:properties><camunda:property name="timeZone" value="Mars/Olympus" /></camunda:properties></bpmn:extensionElements>""", StringComparison.Ordinal);

        var error = await RefusedAsync(xml, "timers");

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_message_start_events_with_one_message_are_refused()
    {
        var xml = Process("two-starts", $$"""
            <bpmn:startEvent id="first"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
            <bpmn:startEvent id="second"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "first", "end")}}
            {{Flow("f2", "second", "end")}}
            """, """<bpmn:message id="msg" name="application-received" />""");

        var error = await RefusedAsync(xml, "second");

        Assert.Contains("'first'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_start_beside_a_none_start_is_accepted_and_a_start_command_uses_the_none_start()
    {
        var xml = Process("both-starts", $$"""
            <bpmn:startEvent id="manual" />
            <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
            <bpmn:userTask id="fromManual" />
            <bpmn:userTask id="fromMessage" />
            {{Flow("f1", "manual", "fromManual")}}
            {{Flow("f2", "byMessage", "fromMessage")}}
            """, $"""<bpmn:message id="msg" name="both-{Guid.NewGuid():N}" />""");

        var started = await _harness.StartAsync(xml);

        Assert.Equal(["fromManual"], started.ActiveElementIds);
    }

    [Fact]
    public async Task A_process_that_only_starts_by_message_cannot_be_started_by_a_start_command()
    {
        await _harness.Engine.DeployAsync(Process("message-only", $$"""
            <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
            <bpmn:endEvent id="end" />
            {{Flow("f1", "byMessage", "end")}}
            """, """<bpmn:message id="msg" name="only-by-message" />"""));

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => _harness.Engine.StartAsync("message-only", null, null, null));

        Assert.Contains("no none start event", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<bpmn:intermediateCatchEvent id="bad"><bpmn:messageEventDefinition messageRef="missing" /></bpmn:intermediateCatchEvent>""", "not defined in this file")]
    [InlineData("""<bpmn:intermediateCatchEvent id="bad"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>""", "names no signal")]
    [InlineData("""<bpmn:intermediateCatchEvent id="bad" />""", "need an event definition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="bad"><bpmn:messageEventDefinition messageRef="m" /><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""", "several event definitions")]
    [InlineData("""<bpmn:intermediateCatchEvent id="bad"><bpmn:escalationEventDefinition /></bpmn:intermediateCatchEvent>""", "escalation")]
    [InlineData("""<bpmn:endEvent id="bad"><bpmn:errorEventDefinition /></bpmn:endEvent>""", "names no error")]
    [InlineData("""<bpmn:endEvent id="bad"><bpmn:errorEventDefinition errorRef="codeless" /></bpmn:endEvent>""", "has no errorCode")]
    public async Task A_broken_event_definition_is_refused_naming_the_event(string element, string reason)
    {
        var xml = Process("broken-event", $$"""
            <bpmn:startEvent id="start" />
            {{element}}
            {{Flow("f1", "start", "bad")}}
            """, """<bpmn:message id="m" name="m" /><bpmn:error id="codeless" name="no code" />""");

        var error = await RefusedAsync(xml, "bad");

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_based_gateway_followed_by_a_task_is_refused_naming_the_task()
    {
        var xml = Process("gateway-to-task", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="gw" />
            <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="review" />
            {{Flow("f1", "start", "gw")}}
            {{Flow("f2", "gw", "timer")}}
            {{Flow("f3", "gw", "review")}}
            """);

        var error = await RefusedAsync(xml, "review");

        Assert.Contains("event-based gateway 'gw'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_boundary_event_that_does_not_interrupt_is_refused()
    {
        var xml = Process("soft-error", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:boundaryEvent id="oops" attachedToRef="work" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            {{Flow("f1", "start", "work")}}
            """);

        var error = await RefusedAsync(xml, "oops");

        Assert.Contains("always interrupts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_ref_naming_no_error_element_is_the_error_code_as_in_Camunda()
    {
        var xml = Process("ref-as-code", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="check">
              <bpmn:startEvent id="checkStart" />
              <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="QUOTA_EXCEEDED" /></bpmn:endEvent>
              {{Flow("c1", "checkStart", "fail")}}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="caught" attachedToRef="check"><bpmn:errorEventDefinition errorRef="QUOTA_EXCEEDED" camunda:errorCodeVariable="code" /></bpmn:boundaryEvent>
            <bpmn:userTask id="handle" />
            <bpmn:endEvent id="end" />
            {{Flow("f1", "start", "check")}}
            {{Flow("f2", "check", "end")}}
            {{Flow("f3", "caught", "handle")}}
            """);

        var started = await _harness.StartAsync(xml);

        Assert.Equal(["handle"], started.ActiveElementIds);
        Assert.Equal("QUOTA_EXCEEDED", started.Variables["code"]!.GetValue<string>());
        Assert.Equal(InstanceStatus.Active, started.Status);
    }
}
