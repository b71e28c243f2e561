using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class CallActivityScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static readonly string Child = Process("station-confirmation", $$"""
        <bpmn:startEvent id="s" />
        <bpmn:userTask id="confirm" camunda:assignee="${subject}" />
        <bpmn:exclusiveGateway id="g" />
        <bpmn:endEvent id="e" />
        <bpmn:endEvent id="declined"><bpmn:errorEventDefinition errorRef="declinedError" /></bpmn:endEvent>
        {{Flow("c1", "s", "confirm")}}
        {{Flow("c2", "confirm", "g")}}
        {{Flow("c3", "g", "e", "${confirmed}")}}
        {{Flow("c4", "g", "declined", "${!confirmed}")}}
        """, """<bpmn:error id="declinedError" errorCode="DECLINED" />""");

    private static readonly string Parent = Process("application", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="askStation" calledElement="station-confirmation">
          <bpmn:extensionElements>
            <camunda:in businessKey="${execution.processBusinessKey}" />
            <camunda:in source="applicant" target="subject" />
            <camunda:out source="confirmed" target="stationConfirmed" />
          </bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:boundaryEvent id="onDeclined" attachedToRef="askStation"><bpmn:errorEventDefinition errorRef="declinedError" /></bpmn:boundaryEvent>
        <bpmn:userTask id="submit" />
        <bpmn:userTask id="withoutStation" />
        {{Flow("f1", "start", "askStation")}}
        {{Flow("f2", "askStation", "submit")}}
        {{Flow("f3", "onDeclined", "withoutStation")}}
        """, """<bpmn:error id="declinedError" errorCode="DECLINED" />""");

    private static string TwinChild(string name) => Process("twin-child", $$"""
        <bpmn:startEvent id="s" />
        <bpmn:userTask id="work" name="{{name}}" camunda:assignee="${owner}" />
        {{Flow("c1", "s", "work")}}
        """);

    private static readonly string TwinParent = Process("twin-parent", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:callActivity id="first" calledElement="twin-child">
          <bpmn:extensionElements><camunda:in source="owner" target="owner" /></bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:callActivity id="second" calledElement="twin-child">
          <bpmn:extensionElements><camunda:in source="owner" target="owner" /></bpmn:extensionElements>
        </bpmn:callActivity>
        {{Flow("f1", "start", "fork")}}
        {{Flow("f2", "fork", "first")}}
        {{Flow("f3", "fork", "second")}}
        """);

    [Fact]
    public async Task The_cases_one_command_calls_start_on_one_version_though_a_newer_one_is_deployed_meanwhile()
    {
        // Version 1 comes from another node; while this node looks it up for the first call activity, this node
        // deploys version 2. The second call activity must not start on 2 while the first started on 1, and nothing
        // may be committed on 1 after 2 was deployed: the command runs again, and both start on 2.
        var otherNode = NewHarness();
        await otherNode.Engine.DeployAsync(TwinChild("v1"));
        await otherNode.Engine.DeployAsync(TwinParent);
        EngineHarness node = null!;
        node = new EngineHarness(StoreInterceptor.AfterFirstLatestLookup(Store, "twin-child",
            () => node.Engine.DeployAsync(TwinChild("v2"))));
        var owner = $"owner-{Guid.NewGuid():N}";

        var parent = await node.Engine.StartAsync("twin-parent", null, EngineHarness.ToJson(new { owner }), "tester");

        Assert.Equal(["first", "second"], parent.ActiveElementIds.Order(StringComparer.Ordinal));
        var tasks = await Store.QueryTasksAsync(new TaskQuery { Assignee = owner });
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("v2", t.Name));
        foreach (var task in tasks)
        {
            Assert.Equal(2, (await node.CaseAsync(task.InstanceId)).DefinitionVersion);
        }
    }

    private async Task<(EngineHarness Harness, CaseSnapshot Parent, TaskRecord ChildTask)> StartAsync()
    {
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Child);
        var businessKey = $"2025-ENT-ZJ-{Guid.NewGuid():N}";
        var parent = await harness.StartAsync(Parent, new { applicant = "acme-co", secret = 1 }, businessKey);
        var childTask = (await Store.QueryTasksAsync(new TaskQuery { Assignee = "acme-co" })).Single(t => t.BusinessKey == businessKey);
        return (harness, parent, childTask);
    }

    [Fact]
    public async Task A_call_activity_starts_the_called_process_with_mapped_variables_and_the_business_key()
    {
        var (harness, parent, childTask) = await StartAsync();

        Assert.Equal(["askStation"], parent.ActiveElementIds);
        var child = await harness.CaseAsync(childTask.InstanceId);
        Assert.Equal(parent.Id, child.ParentId);
        Assert.Equal(parent.BusinessKey, child.BusinessKey);
        Assert.Equal("acme-co", child.Variables["subject"]!.GetValue<string>());
        Assert.False(child.Variables.ContainsKey("secret"));
    }

    [Fact]
    public async Task When_the_called_case_completes_its_out_variables_return_and_the_parent_moves_on()
    {
        var (harness, parent, childTask) = await StartAsync();

        await harness.Engine.CompleteTaskAsync(childTask.Id, new() { ["confirmed"] = true }, "acme-co");

        Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(childTask.InstanceId)).Status);
        var after = await harness.CaseAsync(parent.Id);
        Assert.Equal(["submit"], after.ActiveElementIds);
        Assert.True(after.Variables["stationConfirmed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_error_thrown_in_the_called_case_is_caught_on_the_call_activity()
    {
        var (harness, parent, childTask) = await StartAsync();

        await harness.Engine.CompleteTaskAsync(childTask.Id, new() { ["confirmed"] = false }, "acme-co");

        Assert.Equal(["withoutStation"], (await harness.CaseAsync(parent.Id)).ActiveElementIds);
        Assert.Equal(InstanceStatus.Terminated, (await harness.CaseAsync(childTask.InstanceId)).Status);
    }

    [Fact]
    public async Task A_called_case_that_ends_at_a_terminate_end_event_returns_control_to_its_caller()
    {
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Process("withdrawal", $$"""
            <bpmn:startEvent id="s" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="pending" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            {{Flow("c1", "s", "fork")}}
            {{Flow("c2", "fork", "pending")}}
            {{Flow("c3", "fork", "stop")}}
            """));
        var started = await harness.StartAsync(Process("caller", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="withdraw" calledElement="withdrawal" />
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "withdraw")}}
            {{Flow("f2", "withdraw", "after")}}
            """));

        Assert.Equal(["after"], started.ActiveElementIds);
    }
}
