using Brands.Workflows.Persistence;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

public abstract partial class WorkflowStoreContract
{
    [Fact]
    public async Task A_commit_guarded_by_a_job_lock_another_node_holds_now_is_refused_and_writes_nothing()
    {
        var instance = await StartCaseAsync();
        var job = Job(instance, T0);
        await CommitAsync(c => c.NewJobs.Add(job));
        Assert.Single(await Store.AcquireJobsAsync("node-1", T0, T0.AddMinutes(5), 10, Cancel));
        Assert.Single(await Store.AcquireJobsAsync("node-2", T0.AddMinutes(6), T0.AddMinutes(11), 10, Cancel));

        var changes = new ChangeSet();
        instance.Status = InstanceStatus.Completed;
        changes.UpdatedInstances.Add(instance);
        changes.ExpectedVersions[instance.Id] = 0;
        changes.DeletedJobs.Add(job.Id);
        changes.History.Add(History(instance, 2));
        changes.JobLockGuards[job.Id] = "node-1";

        await Assert.ThrowsAsync<JobLockLostException>(() => Store.CommitAsync(changes, Cancel));

        var stored = await Store.GetInstanceAsync(instance.Id, Cancel);
        Assert.Equal((InstanceStatus.Active, 0L), (stored?.Status, stored?.Version));
        Assert.Equal("node-2", (await Store.GetJobAsync(job.Id, Cancel))?.LockOwner);
        Assert.Single(await Store.GetHistoryAsync(instance.Id, Cancel));
    }

    [Fact]
    public async Task A_commit_guarded_by_the_lock_of_a_job_that_is_gone_is_refused()
    {
        var instance = await StartCaseAsync();
        var changes = new ChangeSet();
        changes.History.Add(History(instance, 2));
        changes.JobLockGuards[Guid.NewGuid()] = "node-1";

        await Assert.ThrowsAsync<JobLockLostException>(() => Store.CommitAsync(changes, Cancel));

        Assert.Single(await Store.GetHistoryAsync(instance.Id, Cancel));
    }

    [Fact]
    public async Task A_commit_guarded_by_a_lock_this_node_still_holds_is_written_even_after_its_lease_lapsed()
    {
        var instance = await StartCaseAsync();
        var job = Job(instance, T0);
        await CommitAsync(c => c.NewJobs.Add(job));
        Assert.Single(await Store.AcquireJobsAsync("node-1", T0, T0.AddMinutes(5), 10, Cancel));

        // Nobody took the job when the lease lapsed: the work done is still this node's to commit.
        await CommitAsync(c =>
        {
            c.DeletedJobs.Add(job.Id);
            c.History.Add(History(instance, 2));
            c.JobLockGuards[job.Id] = "node-1";
        });

        Assert.Null(await Store.GetJobAsync(job.Id, Cancel));
        Assert.Equal(2, (await Store.GetHistoryAsync(instance.Id, Cancel)).Count);
    }

    [Fact]
    public async Task Renewing_leases_extends_only_those_the_node_still_holds()
    {
        var instance = await StartCaseAsync();
        var mine = Job(instance, T0);
        var taken = Job(instance, T0.AddSeconds(1));
        await CommitAsync(c => c.NewJobs.AddRange([mine, taken]));
        Assert.Equal(2, (await Store.AcquireJobsAsync("node-1", T0.AddMinutes(1), T0.AddMinutes(5), 10, Cancel)).Count);
        await CommitAsync(c =>
        {
            taken.LockOwner = "node-2";
            taken.LockExpiresAt = T0.AddMinutes(20);
            c.UpdatedJobs.Add(taken);
        });

        var renewed = await Store.RenewJobLocksAsync("node-1", [mine.Id, taken.Id, Guid.NewGuid()], T0.AddMinutes(4), T0.AddMinutes(9), Cancel);

        Assert.Equal(1, renewed);
        Assert.Equal(T0.AddMinutes(9), (await Store.GetJobAsync(mine.Id, Cancel))?.LockExpiresAt);
        Assert.Equal(("node-2", T0.AddMinutes(20)), ((await Store.GetJobAsync(taken.Id, Cancel))?.LockOwner, (await Store.GetJobAsync(taken.Id, Cancel))?.LockExpiresAt));
        Assert.Empty(await Store.AcquireJobsAsync("node-3", T0.AddMinutes(6), T0.AddMinutes(11), 10, Cancel));
    }

    [Fact]
    public async Task Jobs_are_queried_by_failed_and_by_whether_a_node_holds_them()
    {
        var instance = await StartCaseAsync();
        var failed = Job(instance, T0, retries: 0);
        var running = Job(instance, T0.AddSeconds(1));
        var waiting = Job(instance, T0.AddSeconds(2));
        await CommitAsync(c => c.NewJobs.AddRange([failed, running, waiting]));
        Assert.Equal(running.Id, Assert.Single(await Store.AcquireJobsAsync("node-1", T0.AddMinutes(1), T0.AddMinutes(6), 1, Cancel)).Id);
        var now = T0.AddMinutes(2);

        Assert.Equal([failed.Id], (await Store.QueryJobsAsync(new JobQuery { InstanceId = instance.Id, Failed = true }, Cancel)).Select(j => j.Id));
        Assert.Equal([running.Id], (await Store.QueryJobsAsync(new JobQuery { InstanceId = instance.Id, LockedAt = now }, Cancel)).Select(j => j.Id));
        Assert.Equal([waiting.Id], (await Store.QueryJobsAsync(new JobQuery { InstanceId = instance.Id, Failed = false, UnlockedAt = now }, Cancel)).Select(j => j.Id));
        Assert.Equal([running.Id, waiting.Id], (await Store.QueryJobsAsync(new JobQuery { InstanceId = instance.Id, Failed = false, UnlockedAt = T0.AddMinutes(7) }, Cancel)).Select(j => j.Id));
    }
}
