using Brands.Workflows.Persistence;
using Npgsql;
using Xunit;
using static Brands.Workflows.EntityFrameworkCore.Tests.Contract.StoreData;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>
/// On PostgreSQL "due" and leases are judged by the database's clock (<see cref="JobClock.Database"/>): nodes whose
/// clocks are an hour off neither fire early nor starve.
/// </summary>
public sealed class PostgreSqlJobClockTests : IAsyncLifetime
{
    private string _connectionString = "";
    private EfWorkflowStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestDatabases.CreateMigratedPostgreSqlAsync("job_clock", Cancel);
        _store = EfWorkflowStore.Create(WorkflowDatabaseProvider.PostgreSql, _connectionString);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_node_whose_clock_runs_an_hour_ahead_does_not_fire_a_job_due_in_half_an_hour()
    {
        var now = await DatabaseNowAsync();
        var (overdue, later) = await TwoJobsAsync(now.AddMinutes(-1), now.AddMinutes(30));

        var ahead = now.AddHours(1);
        var acquired = await _store.AcquireJobsAsync("fast-node", ahead, ahead.AddMinutes(5), 10, Cancel);

        Assert.Equal([overdue.Id], acquired.Select(j => j.Id));
        Assert.Null((await _store.GetJobAsync(later.Id, Cancel))?.LockOwner);
    }

    [Fact]
    public async Task A_node_whose_clock_runs_an_hour_behind_still_fires_what_is_due_with_a_lease_from_the_database_clock()
    {
        var now = await DatabaseNowAsync();
        var (overdue, _) = await TwoJobsAsync(now.AddMinutes(-1), now.AddMinutes(30));

        var behind = now.AddHours(-1);
        var acquired = Assert.Single(await _store.AcquireJobsAsync("slow-node", behind, behind.AddMinutes(5), 10, Cancel));

        Assert.Equal(overdue.Id, acquired.Id);
        // The lease is five minutes from the database's now, not from the node's: it has not lapsed already.
        Assert.InRange(acquired.LockExpiresAt!.Value, now.AddMinutes(5), now.AddMinutes(6));
        Assert.Empty(await _store.AcquireJobsAsync("other-node", now.AddHours(2), now.AddHours(2).AddMinutes(5), 10, Cancel));
    }

    [Fact]
    public async Task A_lease_is_renewed_from_the_database_clock()
    {
        var now = await DatabaseNowAsync();
        var (overdue, _) = await TwoJobsAsync(now.AddMinutes(-1), now.AddMinutes(30));
        Assert.Single(await _store.AcquireJobsAsync("node-1", now, now.AddMinutes(5), 10, Cancel));

        var behind = now.AddHours(-1);
        Assert.Equal(1, await _store.RenewJobLocksAsync("node-1", [overdue.Id], behind, behind.AddMinutes(10), Cancel));

        Assert.InRange((await _store.GetJobAsync(overdue.Id, Cancel))!.LockExpiresAt!.Value, now.AddMinutes(10), now.AddMinutes(11));
    }

    private async Task<(JobRecord Overdue, JobRecord Later)> TwoJobsAsync(DateTimeOffset overdueAt, DateTimeOffset laterAt)
    {
        var definition = Definition($"clock-{Guid.NewGuid():N}", 1);
        await _store.AddDefinitionsAsync([definition], Cancel);
        var instance = Instance(definition);
        var overdue = Job(instance, overdueAt);
        var later = Job(instance, laterAt);
        var changes = new ChangeSet();
        changes.NewInstances.Add(instance);
        changes.NewJobs.AddRange([overdue, later]);
        await _store.CommitAsync(changes, Cancel);
        return (overdue, later);
    }

    private async Task<DateTimeOffset> DatabaseNowAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT now()", connection);
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync(Cancel))!, TimeSpan.Zero);
    }
}
