using Brands.Workflows.Persistence;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>
/// What every <see cref="IWorkflowStore"/> promises, run against the in-memory store, SQLite and PostgreSQL
/// (one derived class each). Each test starts from an empty store.
/// </summary>
public abstract partial class WorkflowStoreContract(IStoreFixture fixture) : IAsyncLifetime
{
    protected IWorkflowStore Store => fixture.Store;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => fixture.ResetAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_record_comes_back_exactly_as_it_was_stored()
    {
        var definition = Definition("roundtrip", 1);
        await Store.AddDefinitionsAsync([definition], Cancel);
        var parent = Instance(definition);
        var child = Instance(definition, parent: parent.Id);
        var task = Task(parent, assignee: "zj-reviewer", candidateUsers: "a,b", candidateGroups: "zj-reviewers,national", dueAt: T0.AddDays(14));
        var job = Job(parent, T0.AddMinutes(5));
        job.LockOwner = "node-1";
        job.LockExpiresAt = T0.AddMinutes(10);
        job.LastError = "timeout";
        var incident = Incident(parent, T0.AddHours(1), job.Id);
        var first = History(parent, 1);
        var second = History(parent, 2, previousHash: first.Hash);
        var changes = new ChangeSet();
        changes.NewInstances.AddRange([parent, child]);
        changes.NewTasks.Add(task);
        changes.NewJobs.Add(job);
        changes.NewIncidents.Add(incident);
        changes.History.AddRange([first, second]);

        await Store.CommitAsync(changes, Cancel);

        AssertSame(definition, await Store.GetDefinitionAsync(definition.Id, Cancel));
        AssertSame(parent, await Store.GetInstanceAsync(parent.Id, Cancel));
        AssertSame(child, await Store.GetInstanceAsync(child.Id, Cancel));
        AssertSame(task, await Store.GetTaskAsync(task.Id, Cancel));
        AssertSame(job, await Store.GetJobAsync(job.Id, Cancel));
        AssertSame(incident, Assert.Single(await Store.GetOpenIncidentsAsync(parent.Id, Cancel)));
        var history = await Store.GetHistoryAsync(parent.Id, Cancel);
        Assert.Equal(2, history.Count);
        AssertSame(first, history[0]);
        AssertSame(second, history[1]);
    }

    [Fact]
    public async Task Records_with_only_their_required_fields_come_back_with_the_optional_ones_empty()
    {
        var definition = new DefinitionRecord
        {
            Id = "bare:1", Key = "bare", Version = 1, Xml = "<definitions/>", ContentHash = "h", DeployedAt = T0,
        };
        await Store.AddDefinitionsAsync([definition], Cancel);
        var instance = new InstanceRecord
        {
            Id = Guid.NewGuid(), DefinitionId = definition.Id, DefinitionKey = "bare", DefinitionVersion = 1,
            Status = InstanceStatus.Active, VariablesJson = "{}", StateJson = "{}", StartedAt = T0,
        };
        var task = new TaskRecord
        {
            Id = Guid.NewGuid(), InstanceId = instance.Id, DefinitionKey = "bare", ElementId = "t", TokenId = "k",
            State = TaskState.Open, CreatedAt = T0,
        };
        var history = new HistoryRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, Sequence = 1, At = T0, Kind = "instance-started", Hash = "h1" };
        var changes = new ChangeSet();
        changes.NewInstances.Add(instance);
        changes.NewTasks.Add(task);
        changes.History.Add(history);

        await Store.CommitAsync(changes, Cancel);

        AssertSame(definition, await Store.GetDefinitionAsync("bare:1", Cancel));
        AssertSame(instance, await Store.GetInstanceAsync(instance.Id, Cancel));
        AssertSame(task, await Store.GetTaskAsync(task.Id, Cancel));
        AssertSame(history, Assert.Single(await Store.GetHistoryAsync(instance.Id, Cancel)));
    }

    [Fact]
    public async Task Records_that_do_not_exist_are_reported_as_missing()
    {
        Assert.Null(await Store.GetInstanceAsync(Guid.NewGuid(), Cancel));
        Assert.Null(await Store.GetTaskAsync(Guid.NewGuid(), Cancel));
        Assert.Null(await Store.GetJobAsync(Guid.NewGuid(), Cancel));
        Assert.Null(await Store.GetDefinitionAsync("nothing:1", Cancel));
        Assert.Null(await Store.FindLatestDefinitionAsync("nothing", Cancel));
        Assert.Empty(await Store.GetHistoryAsync(Guid.NewGuid(), Cancel));
    }

    [Fact]
    public async Task The_latest_version_of_each_key_is_listed_in_key_order()
    {
        await Store.AddDefinitionsAsync([Definition("station-report", 1), Definition("station-report", 2)], Cancel);
        await Store.AddDefinitionsAsync([Definition("annual-application", 1)], Cancel);
        await Store.AddDefinitionsAsync([Definition("station-report", 3), Definition("City-plan", 1)], Cancel);

        var latest = await Store.ListLatestDefinitionsAsync(Cancel);

        Assert.Equal([("City-plan", 1), ("annual-application", 1), ("station-report", 3)], latest.Select(d => (d.Key, d.Version)));
        Assert.Equal(3, (await Store.FindLatestDefinitionAsync("station-report", Cancel))?.Version);
        Assert.Equal(2, (await Store.FindDefinitionAsync("station-report", 2, Cancel))?.Version);
        Assert.Null(await Store.FindDefinitionAsync("station-report", 4, Cancel));
    }

    [Fact]
    public async Task A_second_deployment_of_the_same_key_and_version_is_a_conflict_and_stores_nothing_of_its_batch()
    {
        await Store.AddDefinitionsAsync([Definition("recheck", 1)], Cancel);
        var unrelated = Definition("evaluation", 1);

        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => Store.AddDefinitionsAsync([unrelated, Definition("recheck", 1)], Cancel));

        Assert.Null(await Store.GetDefinitionAsync(unrelated.Id, Cancel));
        Assert.Equal(["recheck"], (await Store.ListLatestDefinitionsAsync(Cancel)).Select(d => d.Key));
    }

    /// <summary>Deploys a definition and commits one new case; returns it as stored (version 0).</summary>
    protected async Task<InstanceRecord> StartCaseAsync()
    {
        var definition = Definition($"case-{Guid.NewGuid():N}", 1);
        await Store.AddDefinitionsAsync([definition], Cancel);
        var instance = Instance(definition);
        var changes = new ChangeSet();
        changes.NewInstances.Add(instance);
        changes.History.Add(History(instance, 1));
        await Store.CommitAsync(changes, Cancel);
        return instance;
    }
}
