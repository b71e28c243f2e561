using System.Data.Common;
using Brands.Testing;
using Npgsql;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Migrations;

public sealed class PostgreSqlMigrationTests() : MigrationContract(WorkflowDatabaseProvider.PostgreSql)
{
    protected override string ColumnsQuery =>
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table";

    [Fact]
    public async Task Case_variables_and_state_are_jsonb_and_instants_are_timestamptz()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.PostgreSql, connectionString).MigrateAsync(Cancel);

        var types = await ScalarAsync(connectionString, """
            SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
            FROM information_schema.columns
            WHERE column_name IN ('variables_json', 'state_json', 'data_json', 'due_at', 'started_at')
            """);

        Assert.Equal("wf_history.data_json:json,wf_instances.started_at:timestamp with time zone,wf_instances.state_json:jsonb,"
            + "wf_instances.variables_json:jsonb,wf_jobs.due_at:timestamp with time zone,wf_tasks.due_at:timestamp with time zone", types);
    }

    [Fact]
    public async Task Due_jobs_are_found_through_a_partial_index_on_due_at()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.PostgreSql, connectionString).MigrateAsync(Cancel);

        var definition = await ScalarAsync(connectionString, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_wf_jobs_due_at'");

        Assert.Equal("CREATE INDEX ix_wf_jobs_due_at ON public.wf_jobs USING btree (due_at) WHERE (retries > 0)", definition);
    }

    [Fact]
    public async Task Cases_and_tasks_leave_room_on_their_pages_for_heap_only_updates()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await new WorkflowDatabaseMigrator(WorkflowDatabaseProvider.PostgreSql, connectionString).MigrateAsync(Cancel);

        Assert.Equal("{fillfactor=70}", await ScalarAsync(connectionString, "SELECT reloptions::text FROM pg_class WHERE relname = 'wf_instances'"));
        Assert.Equal("{fillfactor=80}", await ScalarAsync(connectionString, "SELECT reloptions::text FROM pg_class WHERE relname = 'wf_tasks'"));
    }

    protected override Task<string> CreateEmptyDatabaseAsync() => PostgresServer.Instance.CreateDatabaseAsync("migrations", Cancel);

    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);
}
