using Brands.Host.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>The host on a new SQLite file in a temporary folder, removed afterwards.</summary>
public class SqliteHostFixture : HostFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "brands-host-tests", Guid.NewGuid().ToString("N"));

    internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabasePath => Path.Combine(_folder, "brands.db");

    protected override Task<string> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult($"Data Source={DatabasePath}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
