namespace Brands.Host.Tests.Infrastructure;

/// <summary>The host's <c>StartOwners</c> setting of these tests: cases of js-year belong to the Jiangsu office.</summary>
internal static class StartOwnersSettings
{
    public static IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string> { ["StartOwners:js-year"] = "JS-OFFICE" };
}

public sealed class SqliteStartOwnersHostFixture : SqliteHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => StartOwnersSettings.Values;
}

public sealed class PostgresStartOwnersHostFixture : PostgresHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => StartOwnersSettings.Values;
}
