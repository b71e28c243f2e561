using Brands.Workflows.Persistence;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

public abstract partial class WorkflowStoreContract
{
    [Fact]
    public async Task A_task_is_read_together_with_its_case()
    {
        var instance = await StartCaseAsync();
        var task = Task(instance, assignee: "li.na");
        await CommitAsync(c => c.NewTasks.Add(task));

        var read = await Store.GetTaskWithInstanceAsync(task.Id, Cancel);

        Assert.NotNull(read);
        AssertSame(task, read.Task);
        AssertSame(instance, read.Instance);
        Assert.Null(await Store.GetTaskWithInstanceAsync(Guid.NewGuid(), Cancel));
    }

    [Fact]
    public async Task Tasks_assigned_to_a_user_are_found_by_assignee_oldest_first()
    {
        var instance = await StartCaseAsync();
        var newer = Task(instance, T0.AddMinutes(2), assignee: "li.na");
        var older = Task(instance, T0.AddMinutes(1), assignee: "li.na");
        var other = Task(instance, T0, assignee: "wang.wei");
        await CommitAsync(c => c.NewTasks.AddRange([newer, older, other]));

        var found = await Store.QueryTasksAsync(new TaskQuery { Assignee = "li.na" }, Cancel);

        Assert.Equal([older.Id, newer.Id], found.Select(t => t.Id));
    }

    [Fact]
    public async Task A_candidate_user_finds_unassigned_tasks_that_name_them_as_a_whole_list_member()
    {
        var instance = await StartCaseAsync();
        var named = Task(instance, T0.AddMinutes(1), candidateUsers: "zhang.san,li.na,wang.wei");
        var alone = Task(instance, T0.AddMinutes(2), candidateUsers: "li.na");
        var prefixOnly = Task(instance, T0.AddMinutes(3), candidateUsers: "li.nan,xli.na");
        var claimed = Task(instance, T0.AddMinutes(4), assignee: "wang.wei", candidateUsers: "li.na");
        var groupOnly = Task(instance, T0.AddMinutes(5), candidateGroups: "li.na");
        await CommitAsync(c => c.NewTasks.AddRange([named, alone, prefixOnly, claimed, groupOnly]));

        var found = await Store.QueryTasksAsync(new TaskQuery { CandidateUser = "li.na" }, Cancel);

        Assert.Equal([named.Id, alone.Id], found.Select(t => t.Id));
    }

    [Fact]
    public async Task Candidate_groups_find_unassigned_tasks_offered_to_any_of_them_or_to_the_user()
    {
        var instance = await StartCaseAsync();
        var provincial = Task(instance, T0.AddMinutes(1), candidateGroups: "zj-reviewers");
        var national = Task(instance, T0.AddMinutes(2), candidateGroups: "experts,national-reviewers");
        var similarName = Task(instance, T0.AddMinutes(3), candidateGroups: "zj-reviewers-2,national");
        var forUser = Task(instance, T0.AddMinutes(4), candidateUsers: "li.na");
        var claimed = Task(instance, T0.AddMinutes(5), assignee: "someone", candidateGroups: "zj-reviewers");
        var spaced = Task(instance, T0.AddMinutes(6), candidateGroups: " national-reviewers , experts ");
        await CommitAsync(c => c.NewTasks.AddRange([provincial, national, similarName, forUser, claimed, spaced]));

        var groupsOnly = await Store.QueryTasksAsync(new TaskQuery { CandidateGroups = ["zj-reviewers", "national-reviewers"] }, Cancel);
        var userOrGroups = await Store.QueryTasksAsync(new TaskQuery { CandidateUser = "li.na", CandidateGroups = ["zj-reviewers"] }, Cancel);
        var noGroups = await Store.QueryTasksAsync(new TaskQuery { CandidateGroups = [] }, Cancel);

        Assert.Equal([provincial.Id, national.Id, spaced.Id], groupsOnly.Select(t => t.Id));
        Assert.Equal([provincial.Id, forUser.Id], userOrGroups.Select(t => t.Id));
        Assert.Empty(noGroups);
    }

    [Fact]
    public async Task Due_before_finds_only_tasks_with_an_earlier_due_date()
    {
        var instance = await StartCaseAsync();
        var overdue = Task(instance, T0.AddMinutes(1), dueAt: T0.AddDays(1));
        var dueAtCutoff = Task(instance, T0.AddMinutes(2), dueAt: T0.AddDays(2));
        var later = Task(instance, T0.AddMinutes(3), dueAt: T0.AddDays(3));
        var noDueDate = Task(instance, T0.AddMinutes(4));
        await CommitAsync(c => c.NewTasks.AddRange([overdue, dueAtCutoff, later, noDueDate]));

        // The cutoff in another offset: the same instant as dueAtCutoff's due date.
        var cutoff = T0.AddDays(2).ToOffset(TimeSpan.Zero);
        var found = await Store.QueryTasksAsync(new TaskQuery { DueBefore = cutoff }, Cancel);

        Assert.Equal([overdue.Id], found.Select(t => t.Id));
    }

    [Fact]
    public async Task Only_open_tasks_of_the_case_are_listed_and_at_most_the_asked_number()
    {
        var instance = await StartCaseAsync();
        var other = await StartCaseAsync();
        var open = Enumerable.Range(0, 4).Select(i => Task(instance, T0.AddMinutes(i))).ToList();
        var done = Task(instance, T0.AddMinutes(10));
        done.State = TaskState.Completed;
        var cancelled = Task(instance, T0.AddMinutes(11));
        cancelled.State = TaskState.Cancelled;
        await CommitAsync(c => c.NewTasks.AddRange([.. open, done, cancelled, Task(other)]));

        Assert.Equal(open.Select(t => t.Id), (await Store.GetOpenTasksAsync(instance.Id, Cancel)).Select(t => t.Id));
        Assert.Equal(open.Take(3).Select(t => t.Id),
            (await Store.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, Max = 3 }, Cancel)).Select(t => t.Id));
    }
}
