using System.Collections.Concurrent;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

public abstract partial class WorkflowStoreContract
{
    [Fact]
    public async Task Only_due_jobs_with_retries_left_and_no_live_lock_are_acquired_earliest_first()
    {
        var instance = await StartCaseAsync();
        var now = T0.AddHours(1);
        var late = Job(instance, now.AddMinutes(-1));
        var early = Job(instance, now.AddMinutes(-30));
        var exactlyDue = Job(instance, now);
        var notDue = Job(instance, now.AddTicks(10));
        var exhausted = Job(instance, now.AddMinutes(-40), retries: 0);
        var locked = Job(instance, now.AddMinutes(-50));
        locked.LockOwner = "node-2";
        locked.LockExpiresAt = now.AddMinutes(1);
        await CommitAsync(c => c.NewJobs.AddRange([late, early, exactlyDue, notDue, exhausted, locked]));

        var acquired = await Store.AcquireJobsAsync("node-1", now, now.AddMinutes(5), 10, Cancel);

        Assert.Equal([early.Id, late.Id, exactlyDue.Id], acquired.Select(j => j.Id));
        Assert.All(acquired, j => Assert.Equal("node-1", j.LockOwner));
        Assert.All(acquired, j => Assert.Equal(now.AddMinutes(5), j.LockExpiresAt));
        var stored = await Store.GetJobAsync(early.Id, Cancel);
        Assert.Equal("node-1", stored?.LockOwner);
        Assert.Equal(now.AddMinutes(5), stored?.LockExpiresAt);
        Assert.Equal("node-2", (await Store.GetJobAsync(locked.Id, Cancel))?.LockOwner);
    }

    [Fact]
    public async Task No_more_than_the_asked_number_of_jobs_is_acquired_at_once()
    {
        var instance = await StartCaseAsync();
        await CommitAsync(c => c.NewJobs.AddRange(Enumerable.Range(0, 7).Select(i => Job(instance, T0.AddSeconds(i)))));

        var first = await Store.AcquireJobsAsync("node-1", T0.AddHours(1), T0.AddHours(2), 5, Cancel);
        var second = await Store.AcquireJobsAsync("node-1", T0.AddHours(1), T0.AddHours(2), 5, Cancel);

        Assert.Equal(5, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Select(j => j.Id).Intersect(second.Select(j => j.Id)));
    }

    [Fact]
    public async Task A_job_whose_lock_expired_is_acquired_again_by_another_node()
    {
        var instance = await StartCaseAsync();
        var job = Job(instance, T0);
        await CommitAsync(c => c.NewJobs.Add(job));
        var leaseEnds = T0.AddMinutes(5);

        Assert.Single(await Store.AcquireJobsAsync("node-1", T0.AddMinutes(1), leaseEnds, 10, Cancel));
        Assert.Empty(await Store.AcquireJobsAsync("node-2", T0.AddMinutes(4), T0.AddMinutes(9), 10, Cancel));
        Assert.Empty(await Store.AcquireJobsAsync("node-2", leaseEnds, T0.AddMinutes(10), 10, Cancel));
        var retaken = Assert.Single(await Store.AcquireJobsAsync("node-2", leaseEnds.AddTicks(10), T0.AddMinutes(11), 10, Cancel));

        Assert.Equal(job.Id, retaken.Id);
        Assert.Equal("node-2", retaken.LockOwner);
        Assert.Equal("node-2", (await Store.GetJobAsync(job.Id, Cancel))?.LockOwner);
    }

    [Fact]
    public async Task Nodes_acquiring_jobs_at_the_same_time_never_take_the_same_job()
    {
        const int jobCount = 120;
        var instance = await StartCaseAsync();
        await CommitAsync(c => c.NewJobs.AddRange(Enumerable.Range(0, jobCount).Select(i => Job(instance, T0.AddMilliseconds(i)))));
        var taken = new ConcurrentBag<(string Node, Guid Job)>();
        var now = T0.AddHours(1);

        async Task AcquireUntilEmptyAsync(string node)
        {
            while (true)
            {
                var batch = await Store.AcquireJobsAsync(node, now, now.AddMinutes(5), 7, Cancel);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var job in batch)
                {
                    taken.Add((node, job.Id));
                }
            }
        }

        await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(1, 4).Select(n => System.Threading.Tasks.Task.Run(() => AcquireUntilEmptyAsync($"node-{n}"), Cancel)));

        Assert.Equal(jobCount, taken.Count);
        Assert.Equal(jobCount, taken.Select(t => t.Job).Distinct().Count());
        foreach (var (node, jobId) in taken)
        {
            Assert.Equal(node, (await Store.GetJobAsync(jobId, Cancel))?.LockOwner);
        }
    }
}
