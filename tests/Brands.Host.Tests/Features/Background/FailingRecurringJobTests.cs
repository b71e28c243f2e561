using System.Net;
using Brands.Host.Infrastructure.Background;
using Brands.Host.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.Background;

/// <summary>A recurring job that throws is retried and shown in the Dashboard; the other recurring jobs run on.</summary>
public abstract class FailingRecurringJobTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private const string FailingJobId = "failing-report";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recurring_job_that_throws_is_retried_and_visible_in_the_dashboard_while_the_deadline_sweep_still_runs()
    {
        var jobs = host.Factory.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<FailingReport>(FailingJobId, report => report.RunAsync(CancellationToken.None), Cron.Never());
        using var admin = await host.CreateAdminClientAsync();

        jobs.Trigger(FailingJobId);
        jobs.Trigger(DeadlineSweep.JobId);

        var monitoring = host.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var retry = await Eventually.ThatAsync(() => Task.FromResult(monitoring.ScheduledJobs(0, 100)
            .FirstOrDefault(j => j.Value.Job?.Type == typeof(FailingReport)) is { Key: { } id } ? id : null),
            TimeSpan.FromSeconds(60), "the failing job to wait for its retry");
        using (var details = await admin.GetAsync($"/hangfire/jobs/details/{retry}", Cancel))
        {
            var page = await details.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(HttpStatusCode.OK, details.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(FailingReport.Message), page, StringComparison.Ordinal);
            Assert.Contains("Retry attempt 1 of", page, StringComparison.Ordinal);
        }

        using (var retries = await admin.GetAsync("/hangfire/retries", Cancel))
        {
            Assert.Contains(nameof(FailingReport), await retries.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BackgroundDbContext>();
            return await db.Runs.AnyAsync(r => r.Job == DeadlineSweep.JobId && r.Found == 0, Cancel);
        }, TimeSpan.FromSeconds(60), "the deadline sweep to run beside the failing job");
        await Eventually.TrueAsync(async () =>
        {
            using var succeeded = await admin.GetAsync("/hangfire/jobs/succeeded", Cancel);
            return (await succeeded.Content.ReadAsStringAsync(Cancel)).Contains(nameof(DeadlineSweep), StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the sweep among the Dashboard's succeeded jobs");
    }
}

/// <summary>A host that can activate <see cref="FailingReport"/>.</summary>
public sealed class FailingJobSqliteHostFixture : SqliteHostFixture
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<FailingReport>();
}

/// <summary>A host that can activate <see cref="FailingReport"/>.</summary>
public sealed class FailingJobPostgresHostFixture : PostgresHostFixture
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<FailingReport>();
}

public sealed class FailingRecurringJobTestsOnSqlite(FailingJobSqliteHostFixture host) : FailingRecurringJobTests<FailingJobSqliteHostFixture>(host);

public sealed class FailingRecurringJobTestsOnPostgreSql(FailingJobPostgresHostFixture host) : FailingRecurringJobTests<FailingJobPostgresHostFixture>(host);
