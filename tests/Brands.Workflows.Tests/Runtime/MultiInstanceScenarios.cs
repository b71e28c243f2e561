using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class MultiInstanceScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Review(string loop, string taskAttributes = "") => Process("expert-review", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" {{taskAttributes}}>
          {{loop}}
        </bpmn:userTask>
        <bpmn:userTask id="after" />
        {{Flow("f1", "start", "review")}}
        {{Flow("f2", "review", "after")}}
        """);

    [Fact]
    public async Task Parallel_multi_instance_over_a_collection_creates_one_task_per_item()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review("""
            <bpmn:multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert" />
            """, "camunda:assignee=\"${expert}\" camunda:priority=\"${loopCounter}\""), new { experts = new[] { "zhang", "li", "wang" } });

        var tasks = await harness.TasksAsync(started.Id);
        Assert.Equal(["li", "wang", "zhang"], tasks.Select(t => t.Assignee).Order());
        Assert.Equal([0, 1, 2], tasks.Select(t => t.Priority).Order());

        foreach (var task in tasks)
        {
            await harness.Engine.CompleteTaskAsync(task.Id, null, task.Assignee);
        }

        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Sequential_multi_instance_runs_one_instance_at_a_time_counting_with_loopCounter()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review("""
            <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>${rounds}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            """, "camunda:assignee=\"clerk_${loopCounter}\""), new { rounds = 3 });

        for (var i = 0; i < 3; i++)
        {
            var task = Assert.Single(await harness.TasksAsync(started.Id));
            Assert.Equal($"clerk_{i}", task.Assignee);
            await harness.Engine.CompleteTaskAsync(task.Id, null, task.Assignee);
        }

        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task A_completion_condition_ends_the_remaining_instances_early()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review("""
            <bpmn:multiInstanceLoopCharacteristics>
              <bpmn:loopCardinality>5</bpmn:loopCardinality>
              <bpmn:completionCondition>${nrOfCompletedInstances / nrOfInstances >= 0.6}</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """));
        var tasks = await harness.TasksAsync(started.Id);
        Assert.Equal(5, tasks.Count);

        foreach (var task in tasks.Take(3))
        {
            await harness.Engine.CompleteTaskAsync(task.Id, null, null);
        }

        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        foreach (var task in tasks.Skip(3))
        {
            Assert.Equal(TaskState.Cancelled, (await Store.GetTaskAsync(task.Id))!.State);
        }
    }

    [Fact]
    public async Task The_instance_counters_are_visible_to_each_instance()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("counters", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="note" scriptFormat="javascript">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
              <bpmn:script>execution.setVariable('seen', (typeof seen === 'undefined' || seen === null ? '' : seen) + loopCounter + '/' + nrOfInstances + '/' + nrOfCompletedInstances + '/' + nrOfActiveInstances + ';')</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "note")}}
            {{Flow("f2", "note", "after")}}
            """), new { seen = "" });

        Assert.Equal("0/3/0/1;1/3/1/1;2/3/2/1;", started.Variables["seen"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_multi_instance_sub_process_runs_its_body_per_item()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("per-city", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="perCity">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="cities" camunda:elementVariable="city" />
              <bpmn:startEvent id="s" />
              <bpmn:userTask id="plan" camunda:assignee="${city}" />
              <bpmn:endEvent id="e" />
              {{Flow("i1", "s", "plan")}}
              {{Flow("i2", "plan", "e")}}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "perCity")}}
            {{Flow("f2", "perCity", "after")}}
            """), new { cities = new[] { "jining", "chongqing" } });

        var tasks = await harness.TasksAsync(started.Id);
        Assert.Equal(["chongqing", "jining"], tasks.Select(t => t.Assignee).Order());
        await harness.Engine.CompleteTaskAsync(tasks[0].Id, null, null);
        Assert.DoesNotContain("after", (await harness.CaseAsync(started.Id)).ActiveElementIds);
        await harness.Engine.CompleteTaskAsync(tasks[1].Id, null, null);
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task A_multi_instance_call_activity_starts_one_case_per_item()
    {
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Process("city-plan", $$"""
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="draft" camunda:assignee="${city}" />
            {{Flow("c1", "s", "draft")}}
            """));
        var started = await harness.StartAsync(Process("campaign", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="plans" calledElement="city-plan">
              <bpmn:extensionElements><camunda:in source="city" target="city" /></bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${cities}" camunda:elementVariable="city" />
            </bpmn:callActivity>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "plans")}}
            {{Flow("f2", "plans", "after")}}
            """), new { cities = new[] { "a", "b", "c" } });

        var childTasks = new List<TaskRecord>();
        foreach (var city in new[] { "a", "b", "c" })
        {
            childTasks.Add(Assert.Single(await Store.QueryTasksAsync(new TaskQuery { Assignee = city })));
        }

        Assert.Equal(3, childTasks.Select(t => t.InstanceId).Distinct().Count());
        foreach (var task in childTasks)
        {
            await harness.Engine.CompleteTaskAsync(task.Id, null, task.Assignee);
        }

        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task An_empty_collection_skips_the_activity()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review("""
            <bpmn:multiInstanceLoopCharacteristics camunda:collection="${experts}" camunda:elementVariable="expert" />
            """), new { experts = Array.Empty<string>() });
        Assert.Equal(["after"], started.ActiveElementIds);
    }

    [Fact]
    public async Task Triggering_a_multi_instance_receive_task_continues_one_instance_at_a_time()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("seals", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="seal"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:receiveTask>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "seal")}}
            {{Flow("f2", "seal", "after")}}
            """));

        await harness.Engine.TriggerAsync(started.Id, "seal", null);
        Assert.Equal(["seal"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        await harness.Engine.TriggerAsync(started.Id, "seal", null);
        Assert.Equal(["after"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        Assert.Single(await harness.TasksAsync(started.Id));
    }

    [Fact]
    public async Task An_uncaught_error_in_one_instance_ends_that_instance_and_the_body_completes()
    {
        var failing = new RecordingHandler("check") { BpmnErrorCode = "NOT_ELIGIBLE" };
        var harness = NewHarness(handlers: failing);
        var started = await harness.StartAsync(Process("checks", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="check" camunda:type="external" camunda:topic="check"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "check")}}
            {{Flow("f2", "check", "after")}}
            """));

        Assert.Equal(3, failing.Calls.Count);
        Assert.Equal(["after"], started.ActiveElementIds);
    }
}
