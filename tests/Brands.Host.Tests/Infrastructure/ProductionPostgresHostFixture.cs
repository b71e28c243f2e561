namespace Brands.Host.Tests.Infrastructure;

/// <summary>The host in Production on PostgreSQL, with the first administrator from configuration.</summary>
public sealed class ProductionPostgresHostFixture : PostgresHostFixture
{
    protected override string Environment => "Production";

    protected override IReadOnlyDictionary<string, string> Settings => ProductionSettings.Values;
}
