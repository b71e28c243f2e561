using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;
using Xunit;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>How <see cref="CommitGroup"/> gathers change sets, keeps apart those that touch the same case, and falls back.</summary>
public sealed class CommitGroupUnitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Change_sets_that_finish_while_a_commit_is_written_go_together_in_the_next()
    {
        var store = new GatedCommits();
        var group = new CommitGroup(store.CommitAsync, 32, 1, Cancel);

        await Task.WhenAll(await BehindAHeldCommitAsync(group, store, Firings(5))).WaitAsync(Patience, Cancel);

        Assert.Equal([1, 5], store.Written.Select(c => c.JobLockGuards.Count));
        Assert.Equal(5, store.Written[1].UpdatedInstances.Count);
        Assert.Equal(10, store.Written[1].History.Count);
    }

    [Fact]
    public async Task At_most_the_group_size_go_together()
    {
        var store = new GatedCommits();
        var group = new CommitGroup(store.CommitAsync, 3, 1, Cancel);

        await Task.WhenAll(await BehindAHeldCommitAsync(group, store, Firings(7))).WaitAsync(Patience, Cancel);

        Assert.Equal([1, 3, 3, 1], store.Written.Select(c => c.JobLockGuards.Count));
    }

    [Fact]
    public async Task Two_change_sets_of_one_case_never_share_a_commit()
    {
        var store = new GatedCommits();
        var group = new CommitGroup(store.CommitAsync, 32, 1, Cancel);
        var shared = Guid.NewGuid();

        await Task.WhenAll(await BehindAHeldCommitAsync(group, store, [FiringOf(shared), FiringOf(shared), FiringOf(Guid.NewGuid())]))
            .WaitAsync(Patience, Cancel);

        Assert.Equal([1, 2, 1], store.Written.Select(w => w.JobLockGuards.Count));
        Assert.All(store.Written, w => Assert.True(w.UpdatedInstances.Count(i => i.Id == shared) <= 1));
    }

    [Fact]
    public async Task A_change_set_touching_a_case_whose_group_is_being_written_waits_for_that_commit()
    {
        var store = new GatedCommits();
        var group = new CommitGroup(store.CommitAsync, 32, 2, Cancel);
        var shared = Guid.NewGuid();

        var first = group.CommitAsync(FiringOf(shared));
        await store.WaitForCallsAsync(1);
        var sameCase = group.CommitAsync(FiringOf(shared));
        var otherCase = group.CommitAsync(FiringOf(Guid.NewGuid()));
        await store.WaitForCallsAsync(2);

        // The second writer takes the other case's changes; those of the case being written wait for its commit.
        await Task.Delay(200, Cancel);
        Assert.Equal(2, store.Calls);
        store.Open();
        await Task.WhenAll(first, sameCase, otherCase).WaitAsync(Patience, Cancel);

        Assert.Equal(3, store.Calls);
        var ofShared = store.Written.Where(w => w.UpdatedInstances.Exists(i => i.Id == shared)).ToList();
        Assert.Equal(2, ofShared.Count);
        Assert.All(store.Written, w => Assert.Single(w.JobLockGuards));
    }

    [Fact]
    public async Task A_group_that_fails_is_committed_one_by_one_and_each_meets_its_own_outcome()
    {
        var broken = Guid.NewGuid();
        var store = new GatedCommits { Refuse = changes => changes.UpdatedInstances.Exists(i => i.Id == broken) };
        var group = new CommitGroup(store.CommitAsync, 32, 1, Cancel);

        var queued = await BehindAHeldCommitAsync(group, store, [.. Firings(3), FiringOf(broken)]);
        await Task.WhenAll(queued.Take(3)).WaitAsync(Patience, Cancel);

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => queued[3].WaitAsync(Patience, Cancel));
        Assert.All(store.Written, w => Assert.Single(w.JobLockGuards));
        Assert.Equal(4, store.Written.Count);
        Assert.Equal(6, store.Calls);
    }

    [Fact]
    public async Task Size_one_commits_every_change_set_alone()
    {
        var store = new GatedCommits();
        var group = new CommitGroup(store.CommitAsync, 1, 1, Cancel);
        store.Open();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => group.CommitAsync(FiringOf(Guid.NewGuid())))).WaitAsync(Patience, Cancel);

        Assert.Equal(4, store.Written.Count);
        Assert.All(store.Written, w => Assert.Single(w.JobLockGuards));
    }

    /// <summary>Commits one change set and, while the store holds that commit, queues <paramref name="later"/>; then lets the store go on.</summary>
    private static async Task<IReadOnlyList<Task>> BehindAHeldCommitAsync(CommitGroup group, GatedCommits store, IEnumerable<ChangeSet> later)
    {
        var first = group.CommitAsync(FiringOf(Guid.NewGuid()));
        await store.WaitForCallsAsync(1);
        List<Task> queued = [.. later.Select(changes => group.CommitAsync(changes))];
        store.Open();
        await first.WaitAsync(Patience, Cancel);
        return queued;
    }

    private static IEnumerable<ChangeSet> Firings(int count) => Enumerable.Range(0, count).Select(_ => FiringOf(Guid.NewGuid()));

    /// <summary>What a fired timer's command writes: its case updated, two history entries, its job guarded and deleted.</summary>
    private static ChangeSet FiringOf(Guid caseId)
    {
        var changes = new ChangeSet();
        var jobId = Guid.NewGuid();
        var now = DateTimeOffset.UnixEpoch;
        changes.UpdatedInstances.Add(new InstanceRecord
        {
            Id = caseId, DefinitionId = "timer:1", DefinitionKey = "timer", DefinitionVersion = 1, Status = InstanceStatus.Active,
            StartedAt = now, StateJson = "{}", VariablesJson = "{}",
        });
        changes.ExpectedVersions[caseId] = 1;
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            changes.History.Add(new HistoryRecord { Id = Guid.NewGuid(), InstanceId = caseId, Sequence = sequence, At = now, Kind = "timer-fired", Hash = "" });
        }

        changes.DeletedJobs.Add(jobId);
        changes.JobLockGuards[jobId] = "node-1";
        return changes;
    }

    /// <summary>A store's commit that waits until opened, notes what it wrote, and refuses what <see cref="Refuse"/> names.</summary>
    private sealed class GatedCommits
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public Func<ChangeSet, bool> Refuse { get; init; } = _ => false;
        public List<ChangeSet> Written { get; } = [];
        public int Calls => Volatile.Read(ref _calls);

        public void Open() => _open.TrySetResult();

        public async Task CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await _open.Task.WaitAsync(cancellationToken);
            if (Refuse(changes))
            {
                throw new WorkflowConcurrencyException("refused (test)");
            }

            lock (Written)
            {
                Written.Add(changes);
            }
        }

        public async Task WaitForCallsAsync(int count)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Calls < count)
            {
                Assert.True(waited.Elapsed < Patience, $"fewer than {count} commits were begun");
                await Task.Delay(5, Cancel);
            }
        }
    }
}
