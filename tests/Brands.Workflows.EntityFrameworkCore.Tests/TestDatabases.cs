using Brands.Testing;

namespace Brands.Workflows.EntityFrameworkCore.Tests;

/// <summary>Fresh, migrated databases for test classes.</summary>
internal static class TestDatabases
{
    /// <summary>
    /// A new PostgreSQL database with the workflow schema: a copy of a template that the migrator built once in
    /// this process, so each test class pays for a file copy rather than for the migrations.
    /// </summary>
    public static Task<string> CreateMigratedPostgreSqlAsync(string prefix, CancellationToken cancellationToken = default) =>
        PostgresServer.Instance.CreateDatabaseAsync(prefix, "workflows",
            (connectionString, ct) => new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.PostgreSql, connectionString).MigrateAsync(ct),
            cancellationToken);
}
