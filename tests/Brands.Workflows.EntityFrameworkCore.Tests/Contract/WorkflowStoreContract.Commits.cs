using Brands.Workflows.Persistence;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

public abstract partial class WorkflowStoreContract
{
    [Fact]
    public async Task An_update_at_the_expected_version_is_stored_with_the_version_raised_by_one()
    {
        var instance = await StartCaseAsync();
        var task = Task(instance);
        await CommitAsync(c => c.NewTasks.Add(task));

        instance.Status = InstanceStatus.Completed;
        instance.VariablesJson = """{"result":"approved"}""";
        instance.EndedAt = T0.AddDays(30);
        task.State = TaskState.Completed;
        task.CompletedBy = "zj-reviewer";
        task.EndedAt = T0.AddDays(29);
        await CommitAsync(c =>
        {
            c.UpdatedInstances.Add(instance);
            c.UpdatedTasks.Add(task);
            c.ExpectedVersions[instance.Id] = 0;
            c.ExpectedVersions[task.Id] = 0;
        });

        var storedInstance = await Store.GetInstanceAsync(instance.Id, Cancel);
        var storedTask = await Store.GetTaskAsync(task.Id, Cancel);
        Assert.Equal(1, storedInstance?.Version);
        Assert.Equal(1, storedTask?.Version);
        Assert.Equal(0, instance.Version);
        instance.Version = 1;
        task.Version = 1;
        AssertSame(instance, storedInstance);
        AssertSame(task, storedTask);
    }

    [Fact]
    public async Task A_stale_version_anywhere_in_a_change_set_writes_nothing_of_it()
    {
        var instance = await StartCaseAsync();
        var task = Task(instance, assignee: "zj-reviewer");
        var job = Job(instance, T0);
        await CommitAsync(c =>
        {
            c.NewTasks.Add(task);
            c.NewJobs.Add(job);
        });
        var before = await SnapshotAsync(instance.Id);

        var update = new InstanceRecord
        {
            Id = instance.Id, DefinitionId = instance.DefinitionId, DefinitionKey = instance.DefinitionKey,
            DefinitionVersion = instance.DefinitionVersion, Status = InstanceStatus.Terminated, VariablesJson = """{"changed":true}""",
            StateJson = "{}", StartedAt = instance.StartedAt,
        };
        task.Assignee = "someone-else";
        job.Retries = 0;
        var failing = new ChangeSet();
        failing.UpdatedInstances.Add(update);
        failing.ExpectedVersions[instance.Id] = 0;
        failing.UpdatedTasks.Add(task);
        failing.ExpectedVersions[task.Id] = 7;
        failing.NewTasks.Add(Task(instance));
        failing.UpdatedJobs.Add(job);
        failing.DeletedJobs.Add(Guid.NewGuid());
        failing.NewJobs.Add(Job(instance, T0));
        failing.NewIncidents.Add(Incident(instance, T0));
        failing.History.Add(History(instance, 2));

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.CommitAsync(failing, Cancel));

        var after = await SnapshotAsync(instance.Id);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Several_rows_of_a_table_are_updated_in_one_commit_each_against_its_own_version()
    {
        var instance = await StartCaseAsync();
        var first = Task(instance, assignee: "zj-reviewer");
        var second = Task(instance, candidateGroups: "zj-reviewers");
        await CommitAsync(c => c.NewTasks.AddRange([first, second]));
        await CommitAsync(c =>
        {
            second.Assignee = "li.na";
            c.UpdatedTasks.Add(second);
            c.ExpectedVersions[second.Id] = 0;
        });
        var before = await SnapshotAsync(instance.Id);

        first.State = TaskState.Cancelled;
        second.State = TaskState.Cancelled;
        var stale = new ChangeSet();
        stale.UpdatedTasks.AddRange([first, second]);
        stale.ExpectedVersions[first.Id] = 0;
        stale.ExpectedVersions[second.Id] = 0;
        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.CommitAsync(stale, Cancel));
        Assert.Equal(before, await SnapshotAsync(instance.Id));

        await CommitAsync(c =>
        {
            c.UpdatedTasks.AddRange([first, second]);
            c.ExpectedVersions[first.Id] = 0;
            c.ExpectedVersions[second.Id] = 1;
        });
        Assert.Empty(await Store.GetOpenTasksAsync(instance.Id, Cancel));
        Assert.Equal(1, (await Store.GetTaskAsync(first.Id, Cancel))?.Version);
        Assert.Equal(2, (await Store.GetTaskAsync(second.Id, Cancel))?.Version);
        Assert.Equal("li.na", (await Store.GetTaskAsync(second.Id, Cancel))?.Assignee);
    }

    [Fact]
    public async Task A_case_started_on_a_version_that_is_no_longer_the_latest_is_not_committed()
    {
        var v1 = Definition("latestGuard", 1);
        var v2 = Definition("latestGuard", 2);
        await Store.AddDefinitionsAsync([v1], Cancel);

        var onLatest = Instance(v1);
        await CommitAsync(c =>
        {
            c.NewInstances.Add(onLatest);
            c.LatestDefinitionVersions[v1.Key] = 1;
        });
        Assert.NotNull(await Store.GetInstanceAsync(onLatest.Id, Cancel));

        await Store.AddDefinitionsAsync([v2], Cancel);
        var stale = new ChangeSet();
        var onStale = Instance(v1);
        stale.NewInstances.Add(onStale);
        stale.History.Add(History(onStale, 1));
        stale.LatestDefinitionVersions[v1.Key] = 1;
        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.CommitAsync(stale, Cancel));
        Assert.Null(await Store.GetInstanceAsync(onStale.Id, Cancel));
        Assert.Empty(await Store.GetHistoryAsync(onStale.Id, Cancel));

        var onNew = Instance(v2);
        await CommitAsync(c =>
        {
            c.NewInstances.Add(onNew);
            c.LatestDefinitionVersions[v2.Key] = 2;
        });
        Assert.NotNull(await Store.GetInstanceAsync(onNew.Id, Cancel));
    }

    [Fact]
    public async Task An_update_of_an_instance_that_was_never_stored_is_a_conflict()
    {
        var instance = await StartCaseAsync();
        var changes = new ChangeSet();
        changes.UpdatedInstances.Add(new InstanceRecord
        {
            Id = Guid.NewGuid(), DefinitionId = instance.DefinitionId, DefinitionKey = instance.DefinitionKey, DefinitionVersion = 1,
            Status = InstanceStatus.Active, VariablesJson = "{}", StateJson = "{}", StartedAt = T0,
        });
        changes.ExpectedVersions[changes.UpdatedInstances[0].Id] = 0;

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.CommitAsync(changes, Cancel));
        Assert.Null(await Store.GetInstanceAsync(changes.UpdatedInstances[0].Id, Cancel));
    }

    [Fact]
    public async Task Of_two_commands_committing_the_same_case_at_once_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var instance = await StartCaseAsync();
            var task = Task(instance, candidateGroups: "zj-reviewers");
            await CommitAsync(c => c.NewTasks.Add(task));

            // Both read the case before either commits, as two clients completing the task at once do.
            async Task<(string User, ChangeSet Changes)> ReadAsync(string user)
            {
                var changes = new ChangeSet();
                var mine = await Store.GetTaskAsync(task.Id, Cancel);
                var case_ = await Store.GetInstanceAsync(instance.Id, Cancel);
                mine!.State = TaskState.Completed;
                mine.CompletedBy = user;
                case_!.VariablesJson = $$"""{"decidedBy":"{{user}}"}""";
                changes.UpdatedTasks.Add(mine);
                changes.UpdatedInstances.Add(case_);
                changes.ExpectedVersions[mine.Id] = mine.Version;
                changes.ExpectedVersions[case_.Id] = case_.Version;
                changes.History.Add(History(instance, 2));
                return (user, changes);
            }

            async Task<string?> TryCommitAsync((string User, ChangeSet Changes) command)
            {
                try
                {
                    await Store.CommitAsync(command.Changes, Cancel);
                    return command.User;
                }
                catch (WorkflowConcurrencyException)
                {
                    return null;
                }
            }

            var alice = await ReadAsync("alice");
            var bob = await ReadAsync("bob");
            var winners = (await System.Threading.Tasks.Task.WhenAll(
                System.Threading.Tasks.Task.Run(() => TryCommitAsync(alice), Cancel),
                System.Threading.Tasks.Task.Run(() => TryCommitAsync(bob), Cancel))).OfType<string>().ToList();

            var winner = Assert.Single(winners);
            var stored = await Store.GetTaskAsync(task.Id, Cancel);
            Assert.Equal(winner, stored?.CompletedBy);
            Assert.Equal(1, stored?.Version);
            Assert.Equal(1, (await Store.GetInstanceAsync(instance.Id, Cancel))?.Version);
            Assert.Equal(2, (await Store.GetHistoryAsync(instance.Id, Cancel)).Count);
        }
    }

    [Fact]
    public async Task Jobs_are_inserted_updated_and_deleted_and_incidents_resolved_by_commits()
    {
        var instance = await StartCaseAsync();
        var kept = Job(instance, T0.AddMinutes(5));
        var removed = Job(instance, T0.AddMinutes(1));
        var incident = Incident(instance, T0, kept.Id);
        await CommitAsync(c =>
        {
            c.NewJobs.AddRange([kept, removed]);
            c.NewIncidents.Add(incident);
        });
        Assert.Equal([removed.Id, kept.Id], (await Store.GetJobsAsync(instance.Id, Cancel)).Select(j => j.Id));

        kept.Retries = 2;
        kept.DueAt = T0.AddMinutes(10);
        kept.LastError = "quota service down";
        incident.ResolvedAt = T0.AddMinutes(20);
        await CommitAsync(c =>
        {
            c.UpdatedJobs.Add(kept);
            c.DeletedJobs.Add(removed.Id);
            c.UpdatedIncidents.Add(incident);
        });

        AssertSame(kept, Assert.Single(await Store.GetJobsAsync(instance.Id, Cancel)));
        Assert.Null(await Store.GetJobAsync(removed.Id, Cancel));
        Assert.Empty(await Store.GetOpenIncidentsAsync(instance.Id, Cancel));
        Assert.Empty(await Store.GetOpenIncidentsAsync(null, Cancel));
    }

    [Fact]
    public async Task Open_incidents_are_listed_oldest_first_for_one_case_or_for_all()
    {
        var first = await StartCaseAsync();
        var second = await StartCaseAsync();
        var late = Incident(first, T0.AddHours(2));
        var early = Incident(second, T0.AddHours(1));
        await CommitAsync(c => c.NewIncidents.AddRange([late, early]));

        Assert.Equal([early.Id, late.Id], (await Store.GetOpenIncidentsAsync(null, Cancel)).Select(i => i.Id));
        Assert.Equal([late.Id], (await Store.GetOpenIncidentsAsync(first.Id, Cancel)).Select(i => i.Id));
    }

    [Fact]
    public async Task History_is_appended_and_read_back_in_sequence_order()
    {
        var instance = await StartCaseAsync();
        await CommitAsync(c => c.History.AddRange([History(instance, 2, "hash-1"), History(instance, 3, "hash-2")]));
        await CommitAsync(c => c.History.Add(History(instance, 4, "hash-3")));

        var history = await Store.GetHistoryAsync(instance.Id, Cancel);

        Assert.Equal([1L, 2, 3, 4], history.Select(h => h.Sequence));
        Assert.Equal([null, "hash-1", "hash-2", "hash-3"], history.Select(h => h.PreviousHash));
    }

    [Fact]
    public async Task A_commit_does_not_change_the_records_it_was_given()
    {
        var instance = await StartCaseAsync();
        instance.Status = InstanceStatus.Completed;

        await CommitAsync(c =>
        {
            c.UpdatedInstances.Add(instance);
            c.ExpectedVersions[instance.Id] = 0;
        });

        Assert.Equal(0, instance.Version);
        Assert.Equal(1, (await Store.GetInstanceAsync(instance.Id, Cancel))?.Version);
    }

    protected async Task CommitAsync(Action<ChangeSet> build)
    {
        var changes = new ChangeSet();
        build(changes);
        await Store.CommitAsync(changes, Cancel);
    }

    /// <summary>Everything the store holds about one case, as comparable text.</summary>
    protected async Task<string> SnapshotAsync(Guid instanceId)
    {
        var instance = await Store.GetInstanceAsync(instanceId, Cancel);
        var tasks = await Store.GetOpenTasksAsync(instanceId, Cancel);
        var jobs = await Store.GetJobsAsync(instanceId, Cancel);
        var incidents = await Store.GetOpenIncidentsAsync(instanceId, Cancel);
        var history = await Store.GetHistoryAsync(instanceId, Cancel);
        return string.Join('\n',
        [
            $"instance {instance?.Status} v{instance?.Version} {instance?.VariablesJson.Length}",
            .. tasks.Select(t => $"task {t.Id} {t.Assignee} {t.State} v{t.Version}"),
            .. jobs.Select(j => $"job {j.Id} {j.Retries} {j.DueAt:O}"),
            .. incidents.Select(i => $"incident {i.Id}"),
            .. history.Select(h => $"history {h.Sequence}"),
        ]);
    }
}
