namespace Brands.Host.Infrastructure.Persistence;

/// <summary>The databases the host runs on.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
