using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Runtime;

/// <summary>
/// The jobs a node runs at once commit together (docs/engine.md, "The job executor", commit groups): each job
/// once, and a group that cannot be written gives every member the outcome it would have had alone.
/// </summary>
public abstract class CommitGroupScenarios(IStoreProvider stores) : EngineScenarios(stores)
{
    private const int Cases = 24;
    private static readonly TimeSpan HoldFirstCommit = TimeSpan.FromMilliseconds(500);
    /// <summary>One commit at a time: while the first is held, every other job's changes queue behind it.</summary>
    private static readonly JobRunSettings EightAtOnce = new() { BatchSize = 8, Parallelism = 8, CommitsAtOnce = 1 };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static WorkflowEngineOptions Options => new() { ScriptTimeout = TimeSpan.FromSeconds(5) };

    private static string TimerThenEnd(string key) => Process(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "wait")}
        {Flow("f2", "wait", "end")}
        """);

    [Fact]
    public async Task Timers_fired_at_once_commit_in_groups_and_each_fires_once()
    {
        var (store, watch) = CommitWatch.Over(Store, HoldFirstCommit);
        var harness = new EngineHarness(store, Options);
        var cases = await StartCasesAsync(harness, "grouped");

        Assert.Equal(Cases, await harness.Engine.RunDueJobsAsync("node-1", EightAtOnce, Cancel, Cancel));

        await AssertEachFiredOnceAsync(harness, cases);
        var written = JobCommits(watch).Where(c => c.Written).ToList();
        Assert.Contains(written, c => c.GuardedJobs.Count > 1);
        Assert.True(written.Count < Cases, $"{written.Count} commits for {Cases} jobs");
        Assert.Equal(Cases, written.SelectMany(c => c.GuardedJobs).Distinct().Count());
        Assert.Equal(Cases, written.Sum(c => c.GuardedJobs.Count));
    }

    [Fact]
    public async Task A_single_worker_goes_on_while_a_commit_is_written_and_its_jobs_commit_together()
    {
        var (store, watch) = CommitWatch.Over(Store, HoldFirstCommit);
        var harness = new EngineHarness(store, Options);
        var cases = await StartCasesAsync(harness, "one-worker");

        Assert.Equal(Cases, await harness.Engine.RunDueJobsAsync("node-1", EightAtOnce with { Parallelism = 1 }, Cancel, Cancel));

        await AssertEachFiredOnceAsync(harness, cases);
        var written = JobCommits(watch).Where(c => c.Written).ToList();
        Assert.Contains(written, c => c.GuardedJobs.Count > 1);
        Assert.Equal(Cases, written.SelectMany(c => c.GuardedJobs).Distinct().Count());
    }

    [Fact]
    public async Task Jobs_committed_one_by_one_when_the_group_size_is_one()
    {
        var (store, watch) = CommitWatch.Over(Store, HoldFirstCommit);
        var harness = new EngineHarness(store, Options);
        var cases = await StartCasesAsync(harness, "alone");

        Assert.Equal(Cases, await harness.Engine.RunDueJobsAsync("node-1", EightAtOnce with { CommitGroupSize = 1 }, Cancel, Cancel));

        await AssertEachFiredOnceAsync(harness, cases);
        var written = JobCommits(watch).Where(c => c.Written).ToList();
        Assert.Equal(Cases, written.Count);
        Assert.All(written, c => Assert.Single(c.GuardedJobs));
    }

    [Fact]
    public async Task Executing_due_jobs_one_batch_commits_each_job_before_the_next_runs()
    {
        var (store, watch) = CommitWatch.Over(Store, HoldFirstCommit);
        var harness = new EngineHarness(store, Options);
        var cases = await StartCasesAsync(harness, "one-by-one");

        Assert.Equal(Cases, await harness.Engine.ExecuteDueJobsAsync("node-1", Cases, Cancel));

        await AssertEachFiredOnceAsync(harness, cases);
        var written = JobCommits(watch).Where(c => c.Written).ToList();
        Assert.Equal(Cases, written.Count);
        Assert.All(written, c => Assert.Single(c.GuardedJobs));
    }

    [Fact]
    public async Task A_group_that_cannot_be_written_is_committed_again_one_job_at_a_time()
    {
        var (store, watch) = CommitWatch.Over(FaultyStore.Over(Store, failCommit: c => c.JobLockGuards.Count > 1), HoldFirstCommit);
        var harness = new EngineHarness(store, Options);
        var cases = await StartCasesAsync(harness, "regrouped");

        Assert.Equal(Cases, await harness.Engine.RunDueJobsAsync("node-1", EightAtOnce, Cancel, Cancel));

        await AssertEachFiredOnceAsync(harness, cases);
        var commits = JobCommits(watch);
        Assert.Contains(commits, c => !c.Written && c.GuardedJobs.Count > 1);
        var written = commits.Where(c => c.Written).ToList();
        Assert.All(written, c => Assert.Single(c.GuardedJobs));
        Assert.Equal(Cases, written.SelectMany(c => c.GuardedJobs).Distinct().Count());
    }

    [Fact]
    public async Task A_job_whose_own_commit_fails_fails_alone_and_the_rest_of_its_group_fires()
    {
        var broken = Guid.Empty;
        var (store, _) = CommitWatch.Over(FaultyStore.Over(Store, failCommit: c => c.UpdatedInstances.Exists(i => i.Id == broken)), HoldFirstCommit);
        var harness = new EngineHarness(store, Options);
        var cases = await StartCasesAsync(harness, "one-broken");
        broken = cases[5];

        Assert.Equal(Cases, await harness.Engine.RunDueJobsAsync("node-1", EightAtOnce, Cancel, Cancel));

        await AssertEachFiredOnceAsync(harness, [.. cases.Where(id => id != broken)]);
        Assert.Equal(InstanceStatus.Active, (await harness.CaseAsync(broken)).Status);
        Assert.DoesNotContain("timer-fired", await harness.HistoryKindsAsync(broken, "wait"));
        var job = Assert.Single(await harness.Store.GetJobsAsync(broken, Cancel));
        Assert.Contains("injected fault", job.LastError, StringComparison.Ordinal);
        Assert.Null(job.LockOwner);
        Assert.True(job.DueAt > harness.Clock.GetUtcNow(), "the failed job is due again after its retry interval");
    }

    private static async Task<List<Guid>> StartCasesAsync(EngineHarness harness, string key)
    {
        var deployed = await harness.Engine.DeployAsync(TimerThenEnd(key), Cancel);
        var cases = new List<Guid>();
        for (var i = 0; i < Cases; i++)
        {
            cases.Add((await harness.Engine.StartAsync(deployed.Definitions[0].Key, null, null, null, Cancel)).Id);
        }

        harness.Clock.Advance(TimeSpan.FromHours(2));
        return cases;
    }

    private static async Task AssertEachFiredOnceAsync(EngineHarness harness, IReadOnlyList<Guid> cases)
    {
        foreach (var id in cases)
        {
            Assert.Equal(InstanceStatus.Completed, (await harness.CaseAsync(id)).Status);
            Assert.Single(await harness.HistoryKindsAsync(id, "wait"), k => k == "timer-fired");
            Assert.Empty(await harness.Store.GetJobsAsync(id, Cancel));
            Assert.Empty(await harness.Store.GetOpenIncidentsAsync(id, Cancel));
        }
    }

    private static List<(IReadOnlyList<Guid> GuardedJobs, bool Written)> JobCommits(CommitWatch watch)
    {
        lock (watch.Commits)
        {
            return [.. watch.Commits.Where(c => c.GuardedJobs.Count > 0)];
        }
    }
}
