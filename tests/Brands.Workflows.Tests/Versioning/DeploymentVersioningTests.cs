using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;

namespace Brands.Workflows.Tests.Versioning;

/// <summary>Case counts per version and deployments made from a version someone else overtook, on the in-memory store.</summary>
public sealed class DeploymentVersioningTests
{
    private static string Review(string taskName) => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <bpmn:process id="counted" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="{taskName}" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Cases_are_counted_by_version_and_status_newest_version_first()
    {
        var harness = new EngineHarness(new InMemoryWorkflowStore());
        var first = await harness.StartAsync(Review("One"));
        await harness.StartAsync(Review("One"));
        await harness.CompleteAsync(first.Id, "Review");
        await harness.StartAsync(Review("Two"));

        var counts = await harness.Store.CountCasesByVersionAsync("counted");

        Assert.Equal([new VersionCaseCounts(2, 1, 0, 0), new VersionCaseCounts(1, 1, 1, 0)], counts);
        Assert.Empty(await harness.Store.CountCasesByVersionAsync("nothing"));
    }

    [Fact]
    public async Task A_deployment_made_from_an_overtaken_version_is_refused_and_an_identical_file_is_still_a_no_op()
    {
        var harness = new EngineHarness(new InMemoryWorkflowStore());
        await harness.Engine.DeployAsync([new BpmnSource("a.bpmn", Review("One"))], basedOnVersion: 0);
        await harness.Engine.DeployAsync([new BpmnSource("a.bpmn", Review("Two"))], basedOnVersion: 1);

        var refused = await Assert.ThrowsAsync<WorkflowConflictException>(() =>
            harness.Engine.DeployAsync([new BpmnSource("a.bpmn", Review("Three"))], basedOnVersion: 1));
        var unchanged = await harness.Engine.DeployAsync([new BpmnSource("a.bpmn", Review("Two"))], basedOnVersion: 1);

        Assert.Equal("Someone else deployed 'counted' version 2 after version 1, which this file was made from: open the latest version and deploy again.", refused.Message);
        Assert.False(Assert.Single(unchanged.Definitions).IsNew);
        Assert.Equal(2, (await harness.Store.FindLatestDefinitionAsync("counted"))!.Version);
    }
}
