using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class CaseIntegrityScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static readonly string Simple = Process("simple", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="approve" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "approve")}}
        {{Flow("f2", "approve", "end")}}
        """);

    [Fact]
    public async Task Two_clients_completing_the_same_task_at_once_exactly_one_wins()
    {
        var first = NewHarness();
        var second = AnotherNode(first);
        var started = await first.StartAsync(Simple);
        var task = Assert.Single(await first.TasksAsync(started.Id));

        var results = await Task.WhenAll(
            Attempt(() => first.Engine.CompleteTaskAsync(task.Id, new() { ["by"] = "first" }, null)),
            Attempt(() => second.CompleteTaskAsync(task.Id, new() { ["by"] = "second" }, null)));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.IsType<WorkflowConflictException>(Assert.Single(results, r => r is not null));
        var done = await first.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Single(await Store.GetHistoryAsync(started.Id), h => h.Kind == "task-completed");
    }

    [Fact]
    public async Task A_node_starts_cases_on_a_version_another_node_deployed_after_it_last_looked()
    {
        // Two nodes on one database: each engine remembers the latest version of a process it has seen.
        var nodeA = NewHarness();
        var nodeB = AnotherNode(nodeA);
        var first = await nodeA.StartAsync(Simple);
        Assert.Equal(1, first.DefinitionVersion);

        var changed = Simple.Replace("<bpmn:userTask id=\"approve\" />", "<bpmn:userTask id=\"approve\" name=\"复核\" />", StringComparison.Ordinal);
        Assert.NotEqual(Simple, changed);
        Assert.Equal(2, (await nodeB.DeployAsync(changed)).Definitions[0].Version);

        var second = await nodeA.Engine.StartAsync("simple", null, null, "tester");
        var third = await nodeA.Engine.StartAsync("simple", null, null, "tester");

        Assert.Equal(2, second.DefinitionVersion);
        Assert.Equal(2, third.DefinitionVersion);
        Assert.Equal("复核", Assert.Single(await nodeA.TasksAsync(second.Id)).Name);
        // The refused attempt wrote nothing: one case per start, each with its own complete history.
        var history = await Store.GetHistoryAsync(second.Id);
        Assert.Equal(1, history[0].Sequence);
        Assert.Equal("instance-started", history[0].Kind);
        Assert.Contains("\"version\":2", history[0].DataJson, StringComparison.Ordinal);
    }

    /// <summary>A second engine on the same store, as another node of a cluster: its own caches, the same handlers and clock.</summary>
    private WorkflowEngine AnotherNode(EngineHarness harness) => new(Store, harness.Handlers, new WorkflowEngineOptions(), harness.Clock,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<WorkflowEngine>.Instance);

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await Task.Run(action);
            return null;
        }
        catch (WorkflowConflictException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task The_history_is_a_hash_chain_from_start_to_end()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Simple, new { applicant = "acme" });
        await harness.CompleteAsync(started.Id, "approve", new { approved = true }, "li.wei");

        var history = await Store.GetHistoryAsync(started.Id);
        Assert.Equal("instance-started", history[0].Kind);
        Assert.Equal("instance-completed", history[^1].Kind);
        Assert.Contains(history, h => h.Kind == "element-passed" && h.ElementId == "start");
        Assert.Equal(["element-entered", "task-created", "task-completed", "variable-changed", "element-left"],
            history.Where(h => h.ElementId == "approve").Select(h => h.Kind));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
        Assert.Contains(history, h => h.Kind == "task-completed" && h.UserId == "li.wei");
        Assert.Contains(history, h => h.Kind == "variable-changed" && h.DataJson!.Contains("approved", StringComparison.Ordinal));
        var tampered = history[1];
        Assert.NotEqual(tampered.Hash, HistoryHash.Compute(tampered.PreviousHash, tampered.InstanceId, tampered.Sequence, tampered.At, tampered.Kind, tampered.ElementId, "someone-else", tampered.DataJson));
        string? previous = null;
        foreach (var entry in history)
        {
            Assert.Equal(previous, entry.PreviousHash);
            Assert.Equal(HistoryHash.Compute(previous, entry.InstanceId, entry.Sequence, entry.At, entry.Kind, entry.ElementId, entry.UserId, entry.DataJson), entry.Hash);
            previous = entry.Hash;
        }
    }

    [Fact]
    public async Task Deploying_identical_xml_creates_no_version_and_a_change_creates_the_next()
    {
        var harness = NewHarness();
        var first = await harness.Engine.DeployAsync(Simple.Replace("simple", "versioned", StringComparison.Ordinal));
        var again = await harness.Engine.DeployAsync(Simple.Replace("simple", "versioned", StringComparison.Ordinal));
        var changed = await harness.Engine.DeployAsync(Simple.Replace("simple", "versioned", StringComparison.Ordinal).Replace("approve\" />", "approve\" name=\"审批\" />", StringComparison.Ordinal));

        Assert.True(first.CreatedAny);
        Assert.False(again.CreatedAny);
        Assert.Equal(first.Definitions[0].Version, again.Definitions[0].Version);
        Assert.Equal(first.Definitions[0].Version + 1, changed.Definitions[0].Version);
    }

    [Fact]
    public async Task A_running_case_stays_on_its_version_when_a_new_one_is_deployed()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Simple.Replace("simple", "pinned", StringComparison.Ordinal));
        await harness.Engine.DeployAsync(Simple.Replace("simple", "pinned", StringComparison.Ordinal).Replace("approve", "approve2", StringComparison.Ordinal));

        await harness.CompleteAsync(started.Id, "approve");
        var done = await harness.CaseAsync(started.Id);
        Assert.Equal(1, done.DefinitionVersion);
        Assert.Equal(InstanceStatus.Completed, done.Status);
    }

    [Fact]
    public async Task Starting_an_unknown_definition_is_not_found_and_stores_nothing()
    {
        var harness = NewHarness();
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Engine.StartAsync("no-such-process", null, null, null));
        Assert.Null(await Store.FindLatestDefinitionAsync("no-such-process"));
    }
}
