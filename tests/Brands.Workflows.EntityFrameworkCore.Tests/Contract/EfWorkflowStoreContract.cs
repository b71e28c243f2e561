using Brands.Workflows.Persistence;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>What the database stores add to the contract: constraints the in-memory store does not check.</summary>
public abstract class EfWorkflowStoreContract(IStoreFixture fixture) : WorkflowStoreContract(fixture)
{
    [Fact]
    public async Task A_history_entry_whose_sequence_is_already_taken_is_a_conflict_and_writes_nothing()
    {
        var instance = await StartCaseAsync();
        instance.Status = InstanceStatus.Completed;
        var changes = new ChangeSet();
        changes.UpdatedInstances.Add(instance);
        changes.ExpectedVersions[instance.Id] = 0;
        changes.History.Add(History(instance, 1));

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.CommitAsync(changes, Cancel));

        var stored = await Store.GetInstanceAsync(instance.Id, Cancel);
        Assert.Equal((InstanceStatus.Active, 0L), (stored?.Status, stored?.Version));
        Assert.Single(await Store.GetHistoryAsync(instance.Id, Cancel));
    }

    [Fact]
    public async Task A_new_case_with_an_id_already_stored_is_a_conflict()
    {
        var instance = await StartCaseAsync();
        var duplicate = new InstanceRecord
        {
            Id = instance.Id, DefinitionId = instance.DefinitionId, DefinitionKey = instance.DefinitionKey,
            DefinitionVersion = 1, Status = InstanceStatus.Active, VariablesJson = "{}", StateJson = "{}", StartedAt = T0,
        };

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => CommitAsync(c => c.NewInstances.Add(duplicate)));
    }

    [Fact]
    public async Task An_update_of_a_job_that_another_command_deleted_is_a_conflict()
    {
        var instance = await StartCaseAsync();
        var job = Job(instance, T0);
        await CommitAsync(c => c.NewJobs.Add(job));
        await CommitAsync(c => c.DeletedJobs.Add(job.Id));
        job.Retries = 2;

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => CommitAsync(c => c.UpdatedJobs.Add(job)));
        Assert.Null(await Store.GetJobAsync(job.Id, Cancel));
    }

    [Fact]
    public async Task A_job_gone_missing_fails_the_whole_commit_even_after_the_case_update_in_it_succeeded()
    {
        var instance = await StartCaseAsync();
        var job = Job(instance, T0);
        await CommitAsync(c => c.NewJobs.Add(job));
        await CommitAsync(c => c.DeletedJobs.Add(job.Id));
        var before = await SnapshotAsync(instance.Id);

        instance.Status = InstanceStatus.Completed;
        job.Retries = 2;
        var changes = new ChangeSet();
        changes.UpdatedInstances.Add(instance);
        changes.ExpectedVersions[instance.Id] = 0;
        changes.UpdatedJobs.Add(job);
        changes.NewTasks.AddRange([Task(instance), Task(instance)]);
        changes.NewJobs.Add(Job(instance, T0));
        changes.NewIncidents.Add(Incident(instance, T0));
        changes.History.AddRange([.. Enumerable.Range(2, 8).Select(sequence => History(instance, sequence))]);

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.CommitAsync(changes, Cancel));

        Assert.Equal(before, await SnapshotAsync(instance.Id));
    }

    [Fact]
    public async Task A_case_and_the_child_case_it_calls_are_stored_by_one_commit()
    {
        var definition = Definition($"case-{Guid.NewGuid():N}", 1);
        await Store.AddDefinitionsAsync([definition], Cancel);
        var parent = Instance(definition);
        var child = Instance(definition, parent: parent.Id);
        await CommitAsync(c =>
        {
            c.NewInstances.AddRange([child, parent]);
            c.History.AddRange([History(parent, 1), History(child, 1), History(child, 2, "hash-1")]);
        });

        AssertSame(parent, await Store.GetInstanceAsync(parent.Id, Cancel));
        AssertSame(child, await Store.GetInstanceAsync(child.Id, Cancel));
        Assert.Equal([1L, 2], (await Store.GetHistoryAsync(child.Id, Cancel)).Select(h => h.Sequence));
    }

    [Fact]
    public async Task Candidate_lists_are_stored_with_their_entries_trimmed()
    {
        var instance = await StartCaseAsync();
        var task = Task(instance, candidateUsers: " li.na , wang.wei,", candidateGroups: " , ");
        await CommitAsync(c => c.NewTasks.Add(task));

        var stored = await Store.GetTaskAsync(task.Id, Cancel);

        Assert.Equal("li.na,wang.wei", stored?.CandidateUsers);
        Assert.Null(stored?.CandidateGroups);
    }
}
