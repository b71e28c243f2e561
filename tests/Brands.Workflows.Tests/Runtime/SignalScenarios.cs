using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;
using static Brands.Workflows.Tests.Support.Names;

namespace Brands.Workflows.Tests.Runtime;

/// <remarks>Scenarios of a class share one store and a signal reaches every case in it, so each test names its own.</remarks>
public abstract class SignalScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string SignalDefinition(string signal) => $"""<bpmn:signal id="sig" name="{signal}" />""";

    private static string WaitForYearEnd(string key, string signal) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="yearClosed"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="report" />
        {{Flow("f1", "start", "yearClosed")}}
        {{Flow("f2", "yearClosed", "report")}}
        """, SignalDefinition(signal));

    [Fact]
    public async Task A_broadcast_reaches_every_waiting_case_and_every_signal_start_event()
    {
        var harness = NewHarness();
        var signal = Unique("year-closed");
        var waiting = await harness.StartAsync(WaitForYearEnd("signal-catch", signal));
        var alsoWaiting = await harness.StartAsync(WaitForYearEnd("signal-catch", signal));
        await harness.Engine.DeployAsync(Process("signal-start", $$"""
            <bpmn:startEvent id="opened"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>
            <bpmn:userTask id="plan" />
            {{Flow("f1", "opened", "plan")}}
            """, SignalDefinition(signal)));

        var receivers = await harness.Engine.BroadcastSignalAsync(signal, new JsonObject { ["year"] = 2026 });
        await harness.RunJobsAsync();

        Assert.Equal(3, receivers);
        foreach (var id in new[] { waiting.Id, alsoWaiting.Id })
        {
            var moved = await harness.CaseAsync(id);
            Assert.Equal(["report"], moved.ActiveElementIds);
            Assert.Equal(2026, moved.Variables["year"]!.GetValue<int>());
            Assert.Contains("signal-received", await harness.HistoryKindsAsync(id, "yearClosed"));
        }

        var planned = Assert.Single(await harness.Store.QueryTasksAsync(new TaskQuery()), t => t.DefinitionKey == "signal-start" && t.CreatedAt == harness.Clock.GetUtcNow());
        Assert.Equal("plan", planned.ElementId);
    }

    [Fact]
    public async Task A_signal_nobody_catches_has_no_receivers()
    {
        var harness = NewHarness();

        Assert.Equal(0, await harness.Engine.BroadcastSignalAsync(Unique("nobody-listens"), null));
    }

    [Fact]
    public async Task A_signal_end_event_of_one_case_moves_another_case_on_once_its_step_is_committed()
    {
        var harness = NewHarness();
        var signal = Unique("list-published");
        var waiting = await harness.StartAsync(WaitForYearEnd("signal-waiter", signal));

        var thrower = await harness.StartAsync(Process("signal-thrower", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:endEvent id="publish"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:endEvent>
            {{Flow("f1", "start", "publish")}}
            """, SignalDefinition(signal)));
        Assert.Equal(InstanceStatus.Completed, thrower.Status);
        Assert.Contains("signal-thrown", await harness.HistoryKindsAsync(thrower.Id, "publish"));
        Assert.Equal(["yearClosed"], (await harness.CaseAsync(waiting.Id)).ActiveElementIds);

        await harness.RunJobsAsync();

        Assert.Equal(["report"], (await harness.CaseAsync(waiting.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task A_non_interrupting_signal_boundary_event_starts_a_path_beside_the_task()
    {
        var harness = NewHarness();
        var signal = Unique("rules-changed");
        var started = await harness.StartAsync(Process("signal-boundary", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="prepare" />
            <bpmn:boundaryEvent id="rulesChanged" attachedToRef="prepare" cancelActivity="false"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:boundaryEvent>
            <bpmn:userTask id="readRules" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="read" />
            {{Flow("f1", "start", "prepare")}}
            {{Flow("f2", "prepare", "end")}}
            {{Flow("f3", "rulesChanged", "readRules")}}
            {{Flow("f4", "readRules", "read")}}
            """, SignalDefinition(signal)));

        await harness.Engine.BroadcastSignalAsync(signal, null);
        await harness.RunJobsAsync();

        Assert.Equal(["prepare", "readRules"], (await harness.TasksAsync(started.Id)).Select(t => t.ElementId).Order());

        // It stays subscribed while the task is open, and goes when the task is done.
        Assert.Equal(1, await harness.Engine.BroadcastSignalAsync(signal, null));
        await harness.RunJobsAsync();
        Assert.Equal(["prepare", "readRules", "readRules"], (await harness.TasksAsync(started.Id)).Select(t => t.ElementId).Order());
        await harness.CompleteAsync(started.Id, "prepare");
        Assert.Equal(0, await harness.Engine.BroadcastSignalAsync(signal, null));
    }
}
