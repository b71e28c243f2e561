using Brands.Host.Infrastructure.Persistence;
using Brands.Testing;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>The host on a new database of the test process's PostgreSQL server (a throwaway cluster unless BRANDS_TEST_POSTGRES is set).</summary>
public class PostgresHostFixture : HostFixture
{
    internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.Instance.CreateDatabaseAsync("host");
}
