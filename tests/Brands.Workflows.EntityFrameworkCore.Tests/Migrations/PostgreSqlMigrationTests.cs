using System.Data.Common;
using Brands.Testing;
using Brands.Workflows.EntityFrameworkCore.Migrations;
using Brands.Workflows.EntityFrameworkCore.Tests.Contract;
using Brands.Workflows.Persistence;
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
            + "wf_instances.variables_json:jsonb,wf_jobs.due_at:timestamp with time zone,wf_task_candidates.due_at:timestamp with time zone,"
            + "wf_tasks.due_at:timestamp with time zone", types);
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

    [Fact]
    public async Task Open_unassigned_tasks_are_in_wf_task_candidates_from_before_0008_and_as_they_change()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrations = SchemaMigration.For(WorkflowDatabaseProvider.PostgreSql);
        var before = migrations.TakeWhile(m => !m.Id.EndsWith("0008_task_candidates", StringComparison.Ordinal)).ToList();
        Assert.True(before.Count < migrations.Count, "migration 0008_task_candidates is not embedded");
        foreach (var migration in before)
        {
            await ScalarAsync(connectionString, migration.Sql);
        }

        var store = EfWorkflowStore.Create(WorkflowDatabaseProvider.PostgreSql, connectionString);
        var definition = StoreData.Definition("before0008", 1);
        await store.AddDefinitionsAsync([definition], Cancel);
        var instance = StoreData.Instance(definition);
        var started = new ChangeSet();
        started.NewInstances.Add(instance);
        await store.CommitAsync(started, Cancel);
        var (open, claimed, done) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, assignee, state) in new[] { (open, "NULL", "open"), (claimed, "'zj-reviewer'", "open"), (done, "NULL", "completed") })
        {
            await ScalarAsync(connectionString, $"""
                INSERT INTO wf_tasks (id, instance_id, definition_key, element_id, token_id, priority, state, created_at, version,
                                      assignee, candidate_groups, candidate_users, due_at)
                VALUES ('{id}', '{instance.Id}', 'before0008', 'review', 't1', 50, '{state}', '2026-04-01T01:00:00Z', 1,
                        {assignee}, 'provincial-reviewer:ZJ,experts', 'zj-reviewer', '2026-04-15T01:00:00Z')
                """);
        }

        await ScalarAsync(connectionString, migrations[before.Count].Sql);
        string Rows(Guid task) => $"SELECT coalesce(string_agg(candidate || '@' || to_char(due_at AT TIME ZONE 'UTC', 'MM-DD'), ',' ORDER BY candidate), '') FROM wf_task_candidates WHERE task_id = '{task}'";

        Assert.Equal("group:experts@04-15,group:provincial-reviewer:ZJ@04-15,user:zj-reviewer@04-15", await ScalarAsync(connectionString, Rows(open)));
        Assert.Equal("", await ScalarAsync(connectionString, Rows(claimed)));
        Assert.Equal("", await ScalarAsync(connectionString, Rows(done)));

        // The trigger follows every change: claimed, released with other groups and a new due date, completed.
        await ScalarAsync(connectionString, $"UPDATE wf_tasks SET assignee = 'zj-reviewer' WHERE id = '{open}'");
        Assert.Equal("", await ScalarAsync(connectionString, Rows(open)));
        await ScalarAsync(connectionString, $"UPDATE wf_tasks SET assignee = NULL, candidate_groups = 'experts', candidate_users = NULL, due_at = '2026-05-01T01:00:00Z' WHERE id = '{open}'");
        Assert.Equal("group:experts@05-01", await ScalarAsync(connectionString, Rows(open)));
        await ScalarAsync(connectionString, $"UPDATE wf_tasks SET assignee = NULL WHERE id = '{claimed}'");
        Assert.Equal("group:experts@04-15,group:provincial-reviewer:ZJ@04-15,user:zj-reviewer@04-15", await ScalarAsync(connectionString, Rows(claimed)));
        await ScalarAsync(connectionString, $"UPDATE wf_tasks SET state = 'completed' WHERE id = '{open}'");
        Assert.Equal("", await ScalarAsync(connectionString, Rows(open)));
        await ScalarAsync(connectionString, $"DELETE FROM wf_tasks WHERE id = '{claimed}'");
        Assert.Equal("", await ScalarAsync(connectionString, Rows(claimed)));
    }

    protected override Task<string> CreateEmptyDatabaseAsync() => PostgresServer.Instance.CreateDatabaseAsync("migrations", Cancel);

    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);
}
