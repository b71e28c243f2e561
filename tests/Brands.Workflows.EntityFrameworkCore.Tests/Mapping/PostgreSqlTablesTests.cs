using Brands.Workflows.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Mapping;

/// <summary>The hand-written commit statements for PostgreSQL write exactly the columns of the EF model.</summary>
public sealed class PostgreSqlTablesTests
{
    [Theory]
    [InlineData("wf_instances")]
    [InlineData("wf_tasks")]
    [InlineData("wf_jobs")]
    [InlineData("wf_incidents")]
    [InlineData("wf_history")]
    [InlineData("wf_outbox")]
    public async Task Commit_statements_write_every_column_of_the_table_and_no_other(string table)
    {
        // The model is built without a connection; the server is never contacted.
        var factory = WorkflowDbContext.CreateFactory(WorkflowDatabaseProvider.PostgreSql, "Host=model-only;Database=none");
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
        var modelColumns = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);

        IReadOnlyList<string> written = table switch
        {
            "wf_instances" => PostgreSqlTables.Instances.ColumnNames,
            "wf_tasks" => PostgreSqlTables.Tasks.ColumnNames,
            "wf_jobs" => PostgreSqlTables.Jobs.ColumnNames,
            "wf_incidents" => PostgreSqlTables.Incidents.ColumnNames,
            "wf_outbox" => PostgreSqlTables.Outbox.ColumnNames,
            _ => PostgreSqlTables.History.ColumnNames,
        };

        Assert.Equal(modelColumns, written.Order(StringComparer.Ordinal));
        Assert.Equal("id", written[0]);
    }
}
