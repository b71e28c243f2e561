using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>Deployed definitions are re-read, never re-judged (README "Definitions and versions").</summary>
public abstract class DefinitionVersionScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static string Scoring(string key) => Process(key, $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" />
        <bpmn:scriptTask id="score" scriptFormat="javascript" camunda:resultVariable="grade">
          <bpmn:script>points >= 60 ? 'pass' : 'fail'</bpmn:script>
        </bpmn:scriptTask>
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "review")}}
        {{Flow("f2", "review", "score")}}
        {{Flow("f3", "score", "end")}}
        """);

    [Fact]
    public async Task A_case_on_a_version_that_todays_rules_would_refuse_still_completes()
    {
        var key = "scoring" + Guid.NewGuid().ToString("N")[..8];
        var yesterday = NewHarness();
        var started = await yesterday.StartAsync(Scoring(key), new { points = 75 });
        Assert.Equal(["review"], started.ActiveElementIds);

        // The next release (a fresh engine on the same store, so nothing is cached) refuses script tasks at deploy.
        var today = NewHarness(new WorkflowEngineOptions { ScriptTimeout = TimeSpan.FromSeconds(5), DisallowedElements = ["scriptTask"] });

        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => today.Engine.DeployAsync(Scoring(key).Replace("points >= 60", "points >= 50", StringComparison.Ordinal)));
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("score", 10), (error.ElementId, error.Line));
        Assert.Contains("<scriptTask> is not allowed on this server", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<BpmnValidationException>(() => today.Engine.DeployAsync(Scoring(key)));
        Assert.Equal(1, (await Store.FindLatestDefinitionAsync(key, TestContext.Current.CancellationToken))!.Version);

        await today.CompleteAsync(started.Id, "review");

        var done = await today.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal("pass", done.Variables["grade"]!.GetValue<string>());
        Assert.Empty(await Store.GetOpenIncidentsAsync(started.Id));

        // A new case on the accepted version starts and runs as well: the version was accepted once.
        var another = await today.Engine.StartAsync(key, null, new() { ["points"] = 40 }, "tester");
        await today.CompleteAsync(another.Id, "review");
        Assert.Equal("fail", (await today.CaseAsync(another.Id)).Variables["grade"]!.GetValue<string>());
    }
}
