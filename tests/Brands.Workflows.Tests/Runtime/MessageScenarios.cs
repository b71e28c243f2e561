using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;
using static Brands.Workflows.Tests.Support.Names;

namespace Brands.Workflows.Tests.Runtime;

/// <remarks>Scenarios of a class share one store, so each test names its own message.</remarks>
public abstract class MessageScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string MessageDefinition(string message) => $"""<bpmn:message id="msg" name="{message}" />""";

    /// <summary>A case that waits for the supplement an applicant sends, then reviews it.</summary>
    private static string WaitForSupplement(string key, string message, string catchExtras = "") => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="supplement">{{catchExtras}}<bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="review" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "supplement")}}
        {{Flow("f2", "supplement", "review")}}
        {{Flow("f3", "review", "end")}}
        """, MessageDefinition(message));

    [Fact]
    public async Task A_message_reaches_the_case_with_its_business_key_and_brings_its_variables()
    {
        var harness = NewHarness();
        var message = Unique("supplement");
        var xml = WaitForSupplement("message-catch", message);
        var zhejiang = await harness.StartAsync(xml, businessKey: "2026-ENT-ZJ-0001");
        var jiangsu = await harness.StartAsync(xml, businessKey: "2026-ENT-JS-0001");
        Assert.Single(await harness.Store.GetSubscriptionsAsync(zhejiang.Id));

        var caseId = await harness.Engine.CorrelateMessageAsync(message, "2026-ENT-ZJ-0001", null, new JsonObject { ["pages"] = 12 });

        Assert.Equal(zhejiang.Id, caseId);
        var moved = await harness.CaseAsync(zhejiang.Id);
        Assert.Equal(["review"], moved.ActiveElementIds);
        Assert.Equal(12, moved.Variables["pages"]!.GetValue<int>());
        Assert.Empty(await harness.Store.GetSubscriptionsAsync(zhejiang.Id));
        Assert.Contains("message-correlated", await harness.HistoryKindsAsync(zhejiang.Id, "supplement"));
        Assert.Equal(["supplement"], (await harness.CaseAsync(jiangsu.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task A_message_nobody_waits_for_is_not_found_and_one_matching_two_cases_names_both()
    {
        var harness = NewHarness();
        var message = Unique("supplement");
        var xml = WaitForSupplement("message-ambiguous", message);
        var first = await harness.StartAsync(xml, businessKey: "A");
        var second = await harness.StartAsync(xml, businessKey: "B");

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Engine.CorrelateMessageAsync(Unique("nobody"), null, null, null));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Engine.CorrelateMessageAsync(message, "C", null, null));
        var ambiguous = await Assert.ThrowsAsync<MessageCorrelationException>(() => harness.Engine.CorrelateMessageAsync(message, null, null, null));

        Assert.Equal(new[] { first.Id, second.Id }.Order(), ambiguous.CaseIds.Order());
        Assert.Equal(["supplement"], (await harness.CaseAsync(first.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Declared_correlation_keys_pick_the_case_whose_variables_match()
    {
        var harness = NewHarness();
        var message = Unique("expert-opinion");
        var xml = WaitForSupplement("message-keys", message,
            """<bpmn:extensionElements><camunda:properties><camunda:property name="correlationKeys" value="applicationNo, year" /></camunda:properties></bpmn:extensionElements>""");
        var first = await harness.StartAsync(xml, new { applicationNo = "ZJ-7", year = 2026 });
        var second = await harness.StartAsync(xml, new { applicationNo = "ZJ-8", year = 2026 });

        var caseId = await harness.Engine.CorrelateMessageAsync(message, null, new JsonObject { ["year"] = 2026, ["applicationNo"] = "ZJ-8" }, null);

        Assert.Equal(second.Id, caseId);
        Assert.Equal(["supplement"], (await harness.CaseAsync(first.Id)).ActiveElementIds);
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() =>
            harness.Engine.CorrelateMessageAsync(message, null, new JsonObject { ["applicationNo"] = "ZJ-9", ["year"] = 2026 }, null));
    }

    [Fact]
    public async Task A_message_start_event_starts_a_case_beside_a_none_start_event()
    {
        var harness = NewHarness();
        var message = Unique("application-received");
        var xml = Process("message-start", $$"""
            <bpmn:startEvent id="manual" />
            <bpmn:startEvent id="received"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
            <bpmn:userTask id="fromManual" />
            <bpmn:userTask id="fromMessage" />
            {{Flow("f1", "manual", "fromManual")}}
            {{Flow("f2", "received", "fromMessage")}}
            """, MessageDefinition(message));
        var manual = await harness.StartAsync(xml);

        var caseId = await harness.Engine.CorrelateMessageAsync(message, "2026-CITY-HZ", null, new JsonObject { ["city"] = "杭州" });

        Assert.Equal(["fromManual"], manual.ActiveElementIds);
        var started = await harness.CaseAsync(caseId);
        Assert.Equal(["fromMessage"], started.ActiveElementIds);
        Assert.Equal("2026-CITY-HZ", started.BusinessKey);
        Assert.Equal("杭州", started.Variables["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_version_takes_over_the_message_start_so_the_message_starts_exactly_one_case_on_it()
    {
        var harness = NewHarness();
        var message = Unique("renewal-requested");
        var first = Process("message-start-versions", $$"""
            <bpmn:startEvent id="requested"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
            <bpmn:userTask id="check" />
            {{Flow("f1", "requested", "check")}}
            """, MessageDefinition(message));
        await harness.Engine.DeployAsync(first);
        var second = (await harness.Engine.DeployAsync(first.Replace("<bpmn:userTask id=\"check\" />", "<bpmn:userTask id=\"check\" name=\"v2\" />", StringComparison.Ordinal))).Definitions[0];

        var caseId = await harness.Engine.CorrelateMessageAsync(message, null, null, null);

        var started = await harness.CaseAsync(caseId);
        Assert.Equal(second.Version, started.DefinitionVersion);
        Assert.Single(await harness.Store.FindSubscriptionsAsync(new SubscriptionQuery { Kind = SubscriptionKind.Message, Name = message }));
    }

    [Fact]
    public async Task A_receive_task_with_a_message_and_a_message_boundary_event_each_wait_for_theirs()
    {
        var harness = NewHarness();
        var (arrived, withdrawn) = (Unique("arrived"), Unique("withdrawn"));
        var xml = Process("message-receive", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="await" messageRef="arrived" />
            <bpmn:boundaryEvent id="cancelled" attachedToRef="await"><bpmn:messageEventDefinition messageRef="withdrawn" /></bpmn:boundaryEvent>
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="withdrawnEnd" />
            {{Flow("f1", "start", "await")}}
            {{Flow("f2", "await", "review")}}
            {{Flow("f3", "review", "end")}}
            {{Flow("f4", "cancelled", "withdrawnEnd")}}
            """, $"""<bpmn:message id="arrived" name="{arrived}" /><bpmn:message id="withdrawn" name="{withdrawn}" />""");
        var kept = await harness.StartAsync(xml, businessKey: "K");
        var dropped = await harness.StartAsync(xml, businessKey: "D");
        Assert.Equal(2, (await harness.Store.GetSubscriptionsAsync(kept.Id)).Count);

        await harness.Engine.CorrelateMessageAsync(arrived, "K", null, null);
        await harness.Engine.CorrelateMessageAsync(withdrawn, "D", null, null);

        Assert.Equal(["review"], (await harness.CaseAsync(kept.Id)).ActiveElementIds);
        Assert.Empty(await harness.Store.GetSubscriptionsAsync(kept.Id));
        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(dropped.Id)).Status);
        Assert.Empty(await harness.Store.GetSubscriptionsAsync(dropped.Id));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Engine.CorrelateMessageAsync(withdrawn, "K", null, null));
    }

    [Fact]
    public async Task An_event_based_gateway_takes_the_first_event_and_drops_the_others_in_the_same_commit()
    {
        var harness = NewHarness();
        var message = Unique("decision");
        var xml = Process("event-gateway", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="which" />
            <bpmn:intermediateCatchEvent id="decided"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="timedOut"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="apply" />
            <bpmn:userTask id="chase" />
            {{Flow("f1", "start", "which")}}
            {{Flow("f2", "which", "decided")}}
            {{Flow("f3", "which", "timedOut")}}
            {{Flow("f4", "decided", "apply")}}
            {{Flow("f5", "timedOut", "chase")}}
            """, MessageDefinition(message));
        var answered = await harness.StartAsync(xml, businessKey: "answered");
        var silent = await harness.StartAsync(xml, businessKey: "silent");
        Assert.Single(await harness.Store.GetJobsAsync(answered.Id));
        Assert.Single(await harness.Store.GetSubscriptionsAsync(answered.Id));

        await harness.Engine.CorrelateMessageAsync(message, "answered", null, null);
        harness.Clock.Advance(TimeSpan.FromDays(10));
        await harness.RunJobsAsync();

        Assert.Equal(["apply"], (await harness.CaseAsync(answered.Id)).ActiveElementIds);
        Assert.Empty(await harness.Store.GetJobsAsync(answered.Id));
        Assert.Equal(["chase"], (await harness.CaseAsync(silent.Id)).ActiveElementIds);
        Assert.Empty(await harness.Store.GetSubscriptionsAsync(silent.Id));
        Assert.Contains("element-passed", await harness.HistoryKindsAsync(silent.Id, "timedOut"));
    }
}
