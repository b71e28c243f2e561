using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.Jobs;

/// <summary>
/// A node's clock that is off, or moves backwards, changes nothing: on PostgreSQL the job executor judges "due" by
/// the database's clock (README, "Jobs"), so timers fire when the database says they are due, once.
/// </summary>
public sealed class NodeClockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private static async Task<BrandsHostFactory> StartNodeAsync(OffsetClock clock)
    {
        var factory = new BrandsHostFactory(DatabaseProvider.PostgreSql, await PostgresServer.Instance.CreateDatabaseAsync("clock"),
            services: services => services.AddSingleton<TimeProvider>(clock));
        factory.StartServer();
        return factory;
    }

    [Fact]
    public async Task A_node_whose_clock_runs_an_hour_fast_fires_no_timer_before_it_is_due_by_the_database()
    {
        await using var node = await StartNodeAsync(new OffsetClock(TimeSpan.FromHours(1)));
        using var admin = await TimerCases.AdminAsync(node);
        await TimerCases.DeployAsync(admin);
        var due = TimeProvider.System.GetUtcNow().AddSeconds(8);

        var caseId = await TimerCases.StartAsync(admin, due);

        // By its own clock the timer is an hour overdue; the node still waits for the database's clock.
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        Assert.Equal("active", await TimerCases.StatusAsync(admin, caseId));
        Assert.Equal(0, await TimerCases.FiringsAsync(admin, caseId));
        var completedAt = await TimerCases.CompletedAsync(admin, caseId, Patience);
        Assert.True(completedAt >= due, $"Fired at {completedAt:O}, before it was due at {due:O}.");
        Assert.Equal(1, await TimerCases.FiringsAsync(admin, caseId));
    }

    [Fact]
    public async Task A_node_whose_clock_runs_an_hour_slow_fires_a_due_timer_without_waiting_for_its_own_clock()
    {
        await using var node = await StartNodeAsync(new OffsetClock(TimeSpan.FromHours(-1)));
        using var admin = await TimerCases.AdminAsync(node);
        await TimerCases.DeployAsync(admin);

        var caseId = await TimerCases.StartAsync(admin, TimeProvider.System.GetUtcNow().AddSeconds(2));

        await TimerCases.CompletedAsync(admin, caseId, Patience);
        Assert.Equal(1, await TimerCases.FiringsAsync(admin, caseId));
    }

    [Fact]
    public async Task A_clock_moved_an_hour_backwards_mid_run_neither_holds_back_due_timers_nor_fires_any_twice()
    {
        var clock = new OffsetClock(TimeSpan.Zero);
        await using var node = await StartNodeAsync(clock);
        using var admin = await TimerCases.AdminAsync(node);
        await TimerCases.DeployAsync(admin);
        var now = TimeProvider.System.GetUtcNow();
        var cases = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await TimerCases.StartAsync(admin, now.AddSeconds(3 + (2 * i))));
        }

        clock.Offset = TimeSpan.FromHours(-1);

        foreach (var caseId in cases)
        {
            await TimerCases.CompletedAsync(admin, caseId, Patience);
        }

        foreach (var caseId in cases)
        {
            Assert.Equal(1, await TimerCases.FiringsAsync(admin, caseId));
        }
    }
}
