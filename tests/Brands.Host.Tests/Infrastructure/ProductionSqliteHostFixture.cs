namespace Brands.Host.Tests.Infrastructure;

/// <summary>The host in Production on SQLite, with the first administrator from configuration.</summary>
public sealed class ProductionSqliteHostFixture : SqliteHostFixture
{
    protected override string Environment => "Production";

    protected override IReadOnlyDictionary<string, string> Settings => ProductionSettings.Values;
}
