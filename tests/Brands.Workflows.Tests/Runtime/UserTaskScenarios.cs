using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

public abstract class UserTaskScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private static readonly string Review = Process("province-review", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" name="审核申报材料" camunda:assignee="${clerk}" camunda:candidateGroups="province-${province},national"
            camunda:dueDate="P14D" camunda:followUpDate="2026-04-10T09:00:00+08:00" camunda:priority="${urgent ? 80 : 40}" camunda:formRef="review-form" />
        <bpmn:endEvent id="end" />
        {{Flow("f1", "start", "review")}}
        {{Flow("f2", "review", "end")}}
        """);

    [Fact]
    public async Task A_user_task_is_created_with_its_assignment_dates_priority_and_form()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review, new { clerk = "li.wei", province = "ZJ", urgent = true });

        var task = Assert.Single(await harness.TasksAsync(started.Id));
        Assert.Equal("审核申报材料", task.Name);
        Assert.Equal("li.wei", task.Assignee);
        Assert.Equal("province-ZJ,national", task.CandidateGroups);
        Assert.Equal(harness.Clock.GetUtcNow().AddDays(14), task.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 1, 0, 0, TimeSpan.Zero), task.FollowUpAt);
        Assert.Equal(80, task.Priority);
        Assert.Equal("review-form", task.FormRef);
        Assert.Equal(InstanceStatus.Active, started.Status);
        Assert.Equal(["review"], started.ActiveElementIds);
    }

    [Fact]
    public async Task Completing_the_task_ends_the_case_and_stores_the_submitted_variables()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review, new { clerk = "li.wei", province = "ZJ", urgent = false });

        await harness.CompleteAsync(started.Id, "review", new { approved = true }, "li.wei");

        var done = await harness.CaseAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.True(done.Variables["approved"]!.GetValue<bool>());
        Assert.Empty(await harness.TasksAsync(started.Id));
        Assert.Contains("task-completed", await harness.HistoryKindsAsync(started.Id));
    }

    [Fact]
    public async Task Completing_a_task_twice_is_a_conflict()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Review, new { clerk = "li.wei", province = "ZJ", urgent = false });
        var task = Assert.Single(await harness.TasksAsync(started.Id));
        await harness.Engine.CompleteTaskAsync(task.Id, null, "li.wei");

        var second = await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.CompleteTaskAsync(task.Id, null, "li.wei"));
        Assert.Contains("already completed", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claimed_task_cannot_be_claimed_or_completed_by_someone_else()
    {
        var harness = NewHarness();
        var started = await harness.StartAsync(Process("p", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="check" camunda:candidateGroups="province-ZJ" />
            {Flow("f1", "start", "check")}
            """));
        var task = Assert.Single(await harness.TasksAsync(started.Id));

        await harness.Engine.ClaimTaskAsync(task.Id, "wang");
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.ClaimTaskAsync(task.Id, "zhao"));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.CompleteTaskAsync(task.Id, null, "zhao"));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Engine.UnclaimTaskAsync(task.Id, "zhao"));

        await harness.Engine.UnclaimTaskAsync(task.Id, "wang");
        await harness.Engine.ClaimTaskAsync(task.Id, "zhao");
        Assert.Equal("zhao", (await harness.Store.GetTaskAsync(task.Id))!.Assignee);
    }
}
