using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>What Camunda 7's own test files showed we refused or misread, run end to end.</summary>
public abstract class CamundaCompatibilityScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Key(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task A_process_whose_sequence_flows_have_no_id_runs_and_a_restarted_engine_continues_it()
    {
        var key = Key("unnamed-flows");
        var harness = NewHarness();
        var started = await harness.StartAsync(Process(key, """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:userTask id="rework" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow sourceRef="review" targetRef="decide" />
            <bpmn:sequenceFlow sourceRef="decide" targetRef="end"><bpmn:conditionExpression>${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow sourceRef="decide" targetRef="rework"><bpmn:conditionExpression>${!approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """));
        Assert.Equal(["review"], started.ActiveElementIds);

        // A fresh engine re-reads the stored file and generates the same flow ids.
        var restarted = NewHarness();
        await restarted.CompleteAsync(started.Id, "review", new { approved = true });

        Assert.Equal(InstanceStatus.Completed, (await restarted.CaseAsync(started.Id)).Status);
    }

    [Fact]
    public async Task A_multi_instance_over_loop_data_input_ref_makes_one_task_per_item_with_the_input_data_item()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process(Key("experts"), """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="assess" camunda:assignee="${expert}">
              <bpmn:multiInstanceLoopCharacteristics>
                <bpmn:loopDataInputRef>experts</bpmn:loopDataInputRef>
                <bpmn:inputDataItem name="expert" />
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assess" />
            <bpmn:sequenceFlow id="f2" sourceRef="assess" targetRef="end" />
            """), new { experts = new[] { "zhang", "li", "wang" } });

        var tasks = await harness.TasksAsync(started.Id);
        Assert.Equal(["li", "wang", "zhang"], tasks.Select(t => t.Assignee).Order());
        foreach (var task in tasks)
        {
            await harness.Engine.CompleteTaskAsync(task.Id, null, task.Assignee);
        }

        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(started.Id)).Status);
    }

    [Fact]
    public async Task The_initiator_variable_holds_the_user_who_started_the_case()
    {
        var key = Key("initiated");
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Process(key, """
            <bpmn:startEvent id="start" camunda:initiator="applicant" />
            <bpmn:userTask id="review" camunda:assignee="${applicant}" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            """));

        var byUser = await harness.Engine.StartAsync(key, null, null, "li.wei");
        var bySystem = await harness.Engine.StartAsync(key, null, null, null);

        Assert.Equal("li.wei", byUser.Variables["applicant"]!.GetValue<string>());
        Assert.Equal("li.wei", Assert.Single(await harness.TasksAsync(byUser.Id)).Assignee);
        Assert.False(bySystem.Variables.ContainsKey("applicant"));
    }

    private static string Child(string key, string label, string? versionTag = null)
    {
        var xml = Process(key, $"""
            <bpmn:startEvent id="s" />
            <bpmn:scriptTask id="mark" scriptFormat="javascript" camunda:resultVariable="answer"><bpmn:script>'{label}'</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="c1" sourceRef="s" targetRef="mark" />
            <bpmn:sequenceFlow id="c2" sourceRef="mark" targetRef="e" />
            """);
        return versionTag is null ? xml : xml.Replace("isExecutable=\"true\"", $"isExecutable=\"true\" camunda:versionTag=\"{versionTag}\"", StringComparison.Ordinal);
    }

    private static string Parent(string key, string childKey, string binding) => Process(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="call" calledElement="{childKey}" {binding}>
          <bpmn:extensionElements><camunda:out source="answer" target="answer" /></bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:userTask id="after" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
        <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="after" />
        """);

    private static async Task<string?> AnswerAsync(EngineHarness harness, string parentKey, object? variables = null)
    {
        var started = await harness.Engine.StartAsync(parentKey, null, EngineHarness.ToJson(variables), "tester");
        Assert.Equal(["after"], started.ActiveElementIds);
        return started.Variables["answer"]?.GetValue<string>();
    }

    [Theory]
    [InlineData("", "v3")]
    [InlineData("camunda:calledElementBinding=\"latest\"", "v3")]
    [InlineData("camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"1\"", "v1")]
    [InlineData("camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"${wanted}\"", "v2")]
    [InlineData("camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"2026.1\"", "v1")]
    [InlineData("camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"${'2026.' + 2}\"", "v2")]
    [InlineData("camunda:calledElementBinding=\"deployment\"", "v2")]
    public async Task The_called_element_binding_chooses_the_version_of_the_called_process(string binding, string expected)
    {
        var child = Key("child");
        var parent = Key("parent");
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Child(child, "v1", "2026.1"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        // Version 2 of the child is deployed together with the parent.
        await harness.Engine.DeployAsync([new BpmnSource("child.bpmn", Child(child, "v2", "2026.2")), new BpmnSource("parent.bpmn", Parent(parent, child, binding))]);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Engine.DeployAsync(Child(child, "v3"));

        Assert.Equal(expected, await AnswerAsync(harness, parent, new { wanted = 2 }));
    }

    [Fact]
    public async Task A_deployment_binding_takes_the_version_current_when_the_caller_was_deployed_though_it_was_unchanged()
    {
        var child = Key("child");
        var parent = Key("parent");
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Child(child, "v1"));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        // The child's file is unchanged, so this deployment adds no child version; the parent binds to version 1.
        await harness.Engine.DeployAsync([new BpmnSource("child.bpmn", Child(child, "v1")), new BpmnSource("parent.bpmn", Parent(parent, child, "camunda:calledElementBinding=\"deployment\""))]);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Engine.DeployAsync(Child(child, "v2"));

        Assert.Equal("v1", await AnswerAsync(harness, parent));
    }

    [Theory]
    [InlineData("camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"7\"", "version 7 of the called process")]
    [InlineData("camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"${'first'}\"", "is 'first', not a version number")]
    [InlineData("camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"2027\"", "carries the version tag '2027'")]
    [InlineData("camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"shared\"", "versions 1, 2 of the called process")]
    public async Task A_binding_that_finds_no_single_version_raises_an_incident_and_the_case_waits(string binding, string expected)
    {
        var child = Key("child");
        var parent = Key("parent");
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Child(child, "v1", "shared"));
        await harness.Engine.DeployAsync(Child(child, "v2", "shared"));
        await harness.Engine.DeployAsync(Parent(parent, child, binding));

        var started = await harness.Engine.StartAsync(parent, null, null, "tester");

        Assert.Equal(["call"], started.ActiveElementIds);
        Assert.Contains(expected, Assert.Single(await Store.GetOpenIncidentsAsync(started.Id)).Message, StringComparison.Ordinal);
    }
}
