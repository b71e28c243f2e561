using System.Net;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Npgsql;
using Xunit;

namespace Brands.Host.Tests;

public sealed class PostgresReadinessTests(PostgresHostFixture host) : IClassFixture<PostgresHostFixture>
{
    [Fact]
    public async Task The_readiness_probe_answers_503_when_the_postgresql_database_is_gone()
    {
        using var client = host.CreateAnonymousClient();
        using (var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var database = new NpgsqlConnectionStringBuilder(host.Factory.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
