using System.Reflection;

namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>
/// A set of forward-only SQL migrations embedded in an assembly as <c>&lt;ResourceFolder&gt;/&lt;Provider&gt;/*.sql</c>
/// (logical resource names), applied in file-name order by <see cref="WorkflowDatabaseMigrator"/>. Components that
/// keep tables in the same database (the host's identity tables, say) bring their own source; each records its ids
/// in <c>schema_migrations</c> under its own prefix and migrates under its own PostgreSQL advisory lock.
/// </summary>
public sealed record SchemaMigrationSource(Assembly Assembly, string ResourceFolder, string IdPrefix, long AdvisoryLockKey)
{
    /// <summary>The engine's store schema ("BRNDWF" and 1 as the lock key; fixed forever, every node must agree).</summary>
    public static SchemaMigrationSource Workflows { get; } =
        new(typeof(SchemaMigrationSource).Assembly, "Migrations", "workflows/", 0x4252_4E44_5746_0001);
}
