using System.Net;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Npgsql;
using Xunit;

namespace Brands.Host.Tests.Features.Jobs;

/// <summary>
/// The database is gone for 30 s while timers fall due (every connection cut by a proxy): the node reports itself
/// not ready, waits, and when the database is back fires every timer once; nothing is lost.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Timers_due_while_the_database_is_gone_for_thirty_seconds_fire_once_when_it_is_back()
    {
        var direct = await PostgresServer.Instance.CreateDatabaseAsync("outage");
        await using var proxy = new TcpProxy(new NpgsqlConnectionStringBuilder(direct).Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(direct) { Port = proxy.Port, Timeout = 5 }.ToString();
        await using var node = new BrandsHostFactory(DatabaseProvider.PostgreSql, viaProxy);
        node.StartServer();
        using var admin = await TimerCases.AdminAsync(node);
        await TimerCases.DeployAsync(admin);
        var now = TimeProvider.System.GetUtcNow();
        var cases = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            cases.Add(await TimerCases.StartAsync(admin, now.AddSeconds(3 + (4 * i))));
        }

        proxy.Cut();
        using (var anonymous = node.CreateClient())
        {
            await Eventually.TrueAsync(async () =>
            {
                using var ready = await anonymous.GetAsync("/health/ready", Cancel);
                return ready.StatusCode != HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(20), "the node to report the database gone");
        }

        await Task.Delay(TimeSpan.FromSeconds(30), Cancel);
        proxy.Restore();

        foreach (var caseId in cases)
        {
            await TimerCases.CompletedAsync(admin, caseId, TimeSpan.FromSeconds(45));
        }

        foreach (var caseId in cases)
        {
            Assert.Equal(1, await TimerCases.FiringsAsync(admin, caseId));
        }
    }
}
