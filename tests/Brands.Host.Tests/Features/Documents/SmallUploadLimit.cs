using Brands.Host.Tests.Infrastructure;

namespace Brands.Host.Tests.Features.Documents;

/// <summary>A document size limit of 64 KB (<c>Documents:MaxBytes</c>), so the tests can go over it with small files.</summary>
public static class SmallUploadLimit
{
    public const int MaxBytes = 64 * 1024;

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Documents:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

public sealed class SmallUploadSqliteHostFixture : SqliteHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => SmallUploadLimit.Settings;
}

public sealed class SmallUploadPostgresHostFixture : PostgresHostFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => SmallUploadLimit.Settings;
}
