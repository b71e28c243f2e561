namespace Brands.Workflows.EntityFrameworkCore;

/// <summary>The database a workflow store runs on.</summary>
public enum WorkflowDatabaseProvider
{
    /// <summary>An embedded SQLite file: the default for a single node.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production, several nodes on one database.</summary>
    PostgreSql,
}
