using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Background;
using Brands.Host.Tests.Infrastructure;
using Brands.Workflows.EntityFrameworkCore;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.Background;

/// <summary>
/// The nightly deadline sweep finds no timer left behind when the executor does its work, and finds one planted
/// behind a lease that never lapses: recorded, and the sweep's job fails where the Dashboard shows it.
/// </summary>
public abstract class DeadlineSweepTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sweep_finds_nothing_while_timers_fire_and_reports_a_timer_that_was_never_fired()
    {
        using var admin = await host.CreateAdminClientAsync();
        using (var deployed = await admin.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Admin", "task-with-deadline-and-reminder.bpmn"))))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        using var started = await admin.PostAsJsonAsync("/api/cases", new { definitionKey = "task-with-deadline-and-reminder" }, Cancel);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;

        await RunSweepAsync();
        var clean = await LatestRunAsync();
        Assert.Equal(0, clean.Found);

        // A node took the deadline and died holding a lease that never lapses, and the deadline is an hour overdue.
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
            await using var db = await database.CreateDbContextAsync(Cancel);
            var overdue = TimeProvider.System.GetUtcNow().AddHours(-1);
            Assert.Equal(1, await db.Jobs.Where(j => j.InstanceId == caseId && j.ElementId == "deadline")
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.DueAt, overdue).SetProperty(j => j.LockOwner, "node-that-died")
                    .SetProperty(j => j.LockExpiresAt, overdue.AddYears(10)), Cancel));
        }

        var missed = await Assert.ThrowsAsync<MissedTimersException>(RunSweepAsync);
        Assert.Contains("deadline", missed.Message, StringComparison.Ordinal);
        Assert.Contains(caseId.ToString(), missed.Message, StringComparison.Ordinal);
        var found = await LatestRunAsync();
        Assert.Equal(1, found.Found);
        Assert.Contains(caseId.ToString(), found.Details, StringComparison.Ordinal);
        Assert.Contains("node-that-died", found.Details, StringComparison.Ordinal);

        // Run by Hangfire, as at night: the job fails, and the Dashboard's failed jobs say why.
        host.Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(DeadlineSweep.JobId);
        var failedPage = await Eventually.ThatAsync(async () =>
        {
            using var response = await admin.GetAsync("/hangfire/jobs/failed", Cancel);
            var page = await response.Content.ReadAsStringAsync(Cancel);
            return response.StatusCode == HttpStatusCode.OK && page.Contains(nameof(MissedTimersException), StringComparison.Ordinal) ? page : null;
        }, TimeSpan.FromSeconds(60), "the sweep's failed run in the Dashboard");
        Assert.Contains(nameof(DeadlineSweep), failedPage, StringComparison.Ordinal);
    }

    private async Task RunSweepAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(Cancel);
    }

    private async Task<BackgroundRun> LatestRunAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackgroundDbContext>();
        var runs = await db.Runs.AsNoTracking().Where(r => r.Job == DeadlineSweep.JobId).ToListAsync(Cancel);
        return runs.OrderBy(r => r.FinishedAt).Last();
    }
}

public sealed class DeadlineSweepTestsOnSqlite(SqliteHostFixture host) : DeadlineSweepTests<SqliteHostFixture>(host);

public sealed class DeadlineSweepTestsOnPostgreSql(PostgresHostFixture host) : DeadlineSweepTests<PostgresHostFixture>(host);
