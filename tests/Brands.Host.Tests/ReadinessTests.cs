using System.Net;
using Brands.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Brands.Host.Tests;

public sealed class ReadinessTests(SqliteHostFixture host) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task The_readiness_probe_answers_503_when_the_sqlite_file_cannot_be_opened()
    {
        using var client = host.CreateAnonymousClient();
        using (var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        SqliteConnection.ClearAllPools();
        File.Delete(host.DatabasePath);
        Directory.CreateDirectory(host.DatabasePath);

        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
