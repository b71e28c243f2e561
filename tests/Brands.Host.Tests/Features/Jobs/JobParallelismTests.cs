using Brands.Host.Infrastructure.Jobs;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Brands.Host.Tests.Features.Jobs;

/// <summary>
/// How many jobs a node runs at once (README, "Configuration", <c>Workflows:JobParallelism</c>): several on
/// PostgreSQL by default, one on SQLite whose writes are serialised, and whatever is configured.
/// </summary>
public sealed class JobParallelismTests
{
    [Fact]
    public async Task A_node_on_PostgreSQL_runs_four_jobs_per_core_at_once_and_one_on_SQLite_unless_configured()
    {
        var postgres = await PostgresServer.Instance.CreateDatabaseAsync("parallelism");
        using var sqlite = SqliteTestDatabase.Create("parallelism");

        Assert.Equal((64, JobExecutorOptions.DefaultParallelism, 32, 2), Settings(DatabaseProvider.PostgreSql, postgres));
        Assert.InRange(JobExecutorOptions.DefaultParallelism, 4, 32);
        Assert.Equal((64, 1, 32, 2), Settings(DatabaseProvider.Sqlite, sqlite.ConnectionString));
        Assert.Equal((10, 3, 1, 4), Settings(DatabaseProvider.Sqlite, sqlite.ConnectionString, new()
        {
            ["Workflows:JobParallelism"] = "3", ["Workflows:JobBatchSize"] = "10",
            ["Workflows:JobCommitGroupSize"] = "1", ["Workflows:JobCommitsAtOnce"] = "4",
        }));
    }

    private static (int BatchSize, int Parallelism, int CommitGroupSize, int CommitsAtOnce) Settings(DatabaseProvider provider,
        string connectionString, Dictionary<string, string>? settings = null)
    {
        using var node = new BrandsHostFactory(provider, connectionString, settings: settings);
        var run = node.Services.GetServices<IHostedService>().OfType<JobExecutor>().Single().RunSettings;
        return (run.BatchSize, run.Parallelism, run.CommitGroupSize, run.CommitsAtOnce);
    }
}
