using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class SubProcessScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private const string RejectedError = """<bpmn:error id="rejected" errorCode="REJECTED" />""";

    private static readonly string Verification = Process("verification", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="verify">
          <bpmn:startEvent id="vStart" />
          <bpmn:userTask id="formal" />
          <bpmn:exclusiveGateway id="ok" />
          <bpmn:endEvent id="vEnd" />
          <bpmn:endEvent id="vRejected"><bpmn:errorEventDefinition errorRef="rejected" /></bpmn:endEvent>
          {{Flow("v1", "vStart", "formal")}}
          {{Flow("v2", "formal", "ok")}}
          {{Flow("v3", "ok", "vEnd", "${passed}")}}
          {{Flow("v4", "ok", "vRejected", "${!passed}")}}
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="onRejected" attachedToRef="verify"><bpmn:errorEventDefinition errorRef="rejected" /></bpmn:boundaryEvent>
        <bpmn:userTask id="recommend" />
        <bpmn:userTask id="notifyRejection" />
        {{Flow("f1", "start", "verify")}}
        {{Flow("f2", "verify", "recommend")}}
        {{Flow("f3", "onRejected", "notifyRejection")}}
        """, RejectedError);

    [Fact]
    public async Task An_embedded_sub_process_runs_its_body_and_then_continues_the_parent()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Verification);
        Assert.Equal(["formal", "verify"], started.ActiveElementIds.Order());

        await harness.CompleteAsync(started.Id, "formal", new { passed = true });

        var after = await harness.CaseAsync(started.Id);
        Assert.Equal(["recommend"], after.ActiveElementIds);
        Assert.True(after.Variables["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_error_end_event_in_a_sub_process_is_caught_by_the_boundary_event_on_it()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Verification);

        await harness.CompleteAsync(started.Id, "formal", new { passed = false });

        Assert.Equal(["notifyRejection"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        var kinds = await harness.HistoryKindsAsync(started.Id);
        Assert.Contains("error-thrown", kinds);
        Assert.Contains("error-caught", kinds);
    }

    [Fact]
    public async Task An_error_caught_on_a_sub_process_cancels_its_other_open_tasks()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("parallel-inside", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sp">
              <bpmn:startEvent id="s" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="a" />
              <bpmn:userTask id="b" />
              <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="rejected" /></bpmn:endEvent>
              {{Flow("i1", "s", "fork")}}
              {{Flow("i2", "fork", "a")}}
              {{Flow("i3", "fork", "b")}}
              {{Flow("i4", "a", "fail")}}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="caught" attachedToRef="sp"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="handle" />
            {{Flow("f1", "start", "sp")}}
            {{Flow("f2", "caught", "handle")}}
            """, RejectedError));
        var b = (await harness.TasksAsync(started.Id)).Single(t => t.ElementId == "b");

        await harness.CompleteAsync(started.Id, "a");

        Assert.Equal(["handle"], (await harness.CaseAsync(started.Id)).ActiveElementIds);
        Assert.Equal(TaskState.Cancelled, (await Store.GetTaskAsync(b.Id))!.State);
    }

    [Fact]
    public async Task A_terminate_end_event_ends_the_whole_case_and_cancels_open_tasks()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("terminate", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="withdraw" />
            <bpmn:userTask id="fill" />
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            {{Flow("f1", "start", "fork")}}
            {{Flow("f2", "fork", "withdraw")}}
            {{Flow("f3", "fork", "fill")}}
            {{Flow("f4", "withdraw", "stop")}}
            """));
        var fill = (await harness.TasksAsync(started.Id)).Single(t => t.ElementId == "fill");

        await harness.CompleteAsync(started.Id, "withdraw");

        var ended = await harness.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Terminated, ended.Status);
        Assert.NotNull(ended.EndedAt);
        Assert.Empty(ended.ActiveElementIds);
        Assert.Equal(TaskState.Cancelled, (await Store.GetTaskAsync(fill.Id))!.State);
    }

    [Fact]
    public async Task A_terminate_end_event_inside_a_sub_process_ends_only_the_sub_process()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("terminate-inner", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sp">
              <bpmn:startEvent id="s" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="a" />
              <bpmn:userTask id="b" />
              <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
              {{Flow("i1", "s", "fork")}}
              {{Flow("i2", "fork", "a")}}
              {{Flow("i3", "fork", "b")}}
              {{Flow("i4", "a", "stop")}}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            {{Flow("f1", "start", "sp")}}
            {{Flow("f2", "sp", "after")}}
            """));

        await harness.CompleteAsync(started.Id, "a");

        var after = await harness.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Active, after.Status);
        Assert.Equal(["after"], after.ActiveElementIds);
    }
}
