using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>Case attributes (who owns a case), assigning a task, and acting on behalf of its assignee.</summary>
public abstract class CaseOwnershipScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static readonly string Child = Process("ownership-child", $"""
        <bpmn:startEvent id="s" />
        <bpmn:userTask id="confirm" />
        {Flow("c1", "s", "confirm")}
        """);

    private static readonly string Parent = Process("ownership-parent", $"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="call" calledElement="ownership-child" />
        {Flow("f1", "start", "call")}
        """);

    private static readonly string ScopeChild = Process("scope-child", $"""
        <bpmn:startEvent id="s" />
        <bpmn:userTask id="confirm" />
        {Flow("c1", "s", "confirm")}
        """);

    private static readonly string ScopeParent = Process("scope-parent", $"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="call" calledElement="scope-child" />
        {Flow("f1", "start", "call")}
        """);

    private static readonly string Single = Process("ownership-task", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" camunda:candidateGroups="provincial-reviewer:ZJ" />
        {Flow("f1", "start", "review")}
        """);

    [Fact]
    public async Task A_case_keeps_the_attributes_it_started_with_and_passes_them_to_the_cases_it_calls()
    {
        var harness = NewHarness();
        await harness.Engine.DeployAsync(Child);
        await harness.Engine.DeployAsync(Parent);

        var started = await harness.Engine.StartAsync("ownership-parent", "2026-ZJ-1", null, "tester", new CaseAttributes("ZJ-TEA", "ZJ", "enterprise", 2026));

        var parent = (await harness.Store.GetInstanceAsync(started.Id))!;
        Assert.Equal(("ZJ-TEA", "ZJ", "enterprise", 2026), (parent.OrganisationCode, parent.Province, parent.CaseType, parent.Year));
        var childTask = Assert.Single(await harness.Store.QueryTasksAsync(new Persistence.TaskQuery()), t => t.DefinitionKey == "ownership-child");
        var child = (await harness.Store.GetInstanceAsync(childTask.InstanceId))!;
        Assert.Equal(started.Id, child.ParentInstanceId);
        Assert.Equal(("ZJ-TEA", "ZJ", "enterprise", 2026), (child.OrganisationCode, child.Province, child.CaseType, child.Year));
    }

    [Fact]
    public async Task A_task_carries_its_cases_organisation_and_province_as_stored()
    {
        var harness = NewHarness();
        await harness.Engine.DeployAsync(ScopeChild);
        await harness.Engine.DeployAsync(ScopeParent);

        var called = await harness.Engine.StartAsync("scope-parent", "2026-JS-1", null, "tester", new CaseAttributes("JS-TEA", "JS"));
        var unowned = await harness.Engine.StartAsync("scope-child", "2026-none-1", null, "tester");

        var childTask = Assert.Single(await harness.Store.QueryTasksAsync(new Persistence.TaskQuery()),
            t => t.DefinitionKey == "scope-child" && t.InstanceId != unowned.Id);
        Assert.Equal(called.Id, (await harness.Store.GetInstanceAsync(childTask.InstanceId))!.ParentInstanceId);
        var stored = (await harness.Store.GetTaskAsync(childTask.Id))!;
        Assert.Equal(("JS-TEA", "JS"), (stored.OrganisationCode, stored.Province));
        var plain = Assert.Single(await harness.TasksAsync(unowned.Id));
        Assert.Equal((null, null), (plain.OrganisationCode, plain.Province));
    }

    [Fact]
    public async Task Assigning_replaces_whoever_held_the_task_and_is_recorded_with_the_previous_assignee()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Single);
        var task = Assert.Single(await harness.TasksAsync(started.Id));
        await harness.Engine.ClaimTaskAsync(task.Id, "wang");

        await harness.Engine.AssignTaskAsync(task.Id, "zhao", "manager");

        Assert.Equal("zhao", Assert.Single(await harness.TasksAsync(started.Id)).Assignee);
        var entry = Assert.Single(await harness.Store.GetHistoryAsync(started.Id), h => h.Kind == "task-assigned");
        Assert.Equal("manager", entry.UserId);
        Assert.Contains("\"previousAssignee\":\"wang\"", entry.DataJson, StringComparison.Ordinal);
        Assert.Contains("\"assignee\":\"zhao\"", entry.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_on_behalf_of_the_assignee_is_recorded_and_refused_when_the_task_changed_hands()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Single);
        var task = Assert.Single(await harness.TasksAsync(started.Id));
        await harness.Engine.ClaimTaskAsync(task.Id, "wang");

        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.CompleteTaskAsync(task.Id, null, "admin", "zhao"));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.UnclaimTaskAsync(task.Id, "admin", "zhao"));
        await harness.Engine.CompleteTaskAsync(task.Id, null, "admin", "wang");

        var entry = Assert.Single(await harness.Store.GetHistoryAsync(started.Id), h => h.Kind == "task-completed");
        Assert.Equal("admin", entry.UserId);
        Assert.Contains("\"onBehalfOf\":\"wang\"", entry.DataJson, StringComparison.Ordinal);
    }
}
