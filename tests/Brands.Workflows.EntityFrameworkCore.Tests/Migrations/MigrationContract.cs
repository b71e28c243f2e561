using System.Data.Common;
using Brands.Workflows.EntityFrameworkCore.Migrations;
using Brands.Workflows.EntityFrameworkCore.Tests.Contract;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Migrations;

/// <summary>How <see cref="WorkflowDatabaseMigrator"/> behaves on a provider; each test uses an empty database of its own.</summary>
public abstract class MigrationContract(WorkflowDatabaseProvider provider)
{
    private static readonly string[] Tables = ["wf_definitions", "wf_instances", "wf_tasks", "wf_jobs", "wf_incidents", "wf_history", "wf_subscriptions", "wf_outbox"];

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_an_empty_database_creates_the_engine_tables_and_records_each_migration()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrator = new WorkflowDatabaseMigrator(provider, connectionString);
        Assert.Empty(await migrator.GetAppliedMigrationsAsync(Cancel));

        await migrator.MigrateAsync(Cancel);

        foreach (var table in Tables)
        {
            Assert.NotEmpty(await ColumnsAsync(connectionString, table));
        }

        Assert.Equal(SchemaMigration.For(provider).Select(m => m.Id), await migrator.GetAppliedMigrationsAsync(Cancel));
        Assert.Equal("workflows/0001_initial", (await migrator.GetAppliedMigrationsAsync(Cancel))[0]);
    }

    [Fact]
    public async Task Every_column_of_the_model_is_in_the_migrated_schema_and_every_column_of_the_schema_in_the_model()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await new WorkflowDatabaseMigrator(provider, connectionString).MigrateAsync(Cancel);
        await using var db = await WorkflowDbContext.CreateFactory(provider, connectionString).CreateDbContextAsync(Cancel);

        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var modelColumns = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);
            Assert.Equal(modelColumns, (await ColumnsAsync(connectionString, table)).Order(StringComparer.Ordinal));
        }

        Assert.Equal(Tables.Order(StringComparer.Ordinal), db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Migrating_a_current_database_again_changes_nothing()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrator = new WorkflowDatabaseMigrator(provider, connectionString);
        await migrator.MigrateAsync(Cancel);
        var before = await ScalarAsync(connectionString, "SELECT string_agg(id || '@' || applied_at, ';') FROM schema_migrations");

        await migrator.MigrateAsync(Cancel);
        await new WorkflowDatabaseMigrator(provider, connectionString).MigrateAsync(Cancel);

        Assert.Equal(before, await ScalarAsync(connectionString, "SELECT string_agg(id || '@' || applied_at, ';') FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrators_started_at_once_all_succeed_and_apply_each_migration_once()
    {
        var connectionString = await CreateEmptyDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => new WorkflowDatabaseMigrator(provider, connectionString).MigrateAsync(Cancel), Cancel)));

        Assert.Equal(SchemaMigration.For(provider).Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await ScalarAsync(connectionString, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(SchemaMigration.For(provider).Select(m => m.Id),
            await new WorkflowDatabaseMigrator(provider, connectionString).GetAppliedMigrationsAsync(Cancel));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_the_migrator_with_its_id()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrator = new WorkflowDatabaseMigrator(provider, connectionString);
        await migrator.MigrateAsync(Cancel);
        await ScalarAsync(connectionString, "UPDATE schema_migrations SET checksum = 'edited' WHERE id = 'workflows/0001_initial'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(Cancel));

        Assert.Contains("workflows/0001_initial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_written_before_0003_keeps_its_entries_and_its_case_and_sequence_stay_unique()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrations = SchemaMigration.For(provider);
        var upToHistoryKey = migrations.TakeWhile(m => !m.Id.EndsWith("0003_history_key", StringComparison.Ordinal)).ToList();
        Assert.True(upToHistoryKey.Count < migrations.Count, "migration 0003_history_key is not embedded");
        foreach (var migration in upToHistoryKey)
        {
            await ScalarAsync(connectionString, migration.Sql);
        }

        // Rows as the store wrote them under the earlier schema.
        var store = EfWorkflowStore.Create(provider, connectionString);
        var definition = StoreData.Definition("before0003", 1);
        await store.AddDefinitionsAsync([definition], Cancel);
        var instance = StoreData.Instance(definition);
        // Two commits: today's model no longer tells EF that history rows depend on their case, and the old
        // schema still checks it.
        var started = new ChangeSet();
        started.NewInstances.Add(instance);
        await store.CommitAsync(started, Cancel);
        var written = new ChangeSet();
        written.History.AddRange([StoreData.History(instance, 1), StoreData.History(instance, 2, "hash-1")]);
        await store.CommitAsync(written, Cancel);

        await ScalarAsync(connectionString, migrations[upToHistoryKey.Count].Sql);

        Assert.Equal([1L, 2], (await store.GetHistoryAsync(instance.Id, Cancel)).Select(h => h.Sequence));
        var duplicate = new ChangeSet();
        duplicate.History.Add(StoreData.History(instance, 2, "hash-1"));
        await Assert.ThrowsAsync<WorkflowConcurrencyException>(() => store.CommitAsync(duplicate, Cancel));
    }

    [Fact]
    public async Task Jobs_written_before_0004_keep_their_case_and_due_date_and_start_without_a_definition_or_payload()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrations = SchemaMigration.For(provider);
        var upToEvents = migrations.TakeWhile(m => !m.Id.EndsWith("0004_events", StringComparison.Ordinal)).ToList();
        Assert.True(upToEvents.Count < migrations.Count, "migration 0004_events is not embedded");
        foreach (var migration in upToEvents)
        {
            await ScalarAsync(connectionString, migration.Sql);
        }

        var store = EfWorkflowStore.Create(provider, connectionString);
        var definition = StoreData.Definition("before0004", 1);
        await store.AddDefinitionsAsync([definition], Cancel);
        var instance = StoreData.Instance(definition);
        var started = new ChangeSet();
        started.NewInstances.Add(instance);
        await store.CommitAsync(started, Cancel);
        // A job row as the earlier schema had it (today's model writes columns it did not have yet).
        var jobId = Guid.NewGuid();
        var due = new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);
        await ScalarAsync(connectionString, provider == WorkflowDatabaseProvider.PostgreSql
            ? $"INSERT INTO wf_jobs (id, instance_id, token_id, element_id, kind, due_at, retries, retry_cycle, created_at) VALUES ('{jobId}', '{instance.Id}', 't1', 'notify', 'async-before', '2026-04-01T01:00:00Z', 2, 'R3/PT5M', '2026-04-01T01:00:00Z')"
            : $"INSERT INTO wf_jobs (id, instance_id, token_id, element_id, kind, due_at, retries, retry_cycle, created_at) VALUES ('{jobId.ToString().ToUpperInvariant()}', '{instance.Id.ToString().ToUpperInvariant()}', 't1', 'notify', 'async-before', {due.UtcTicks}, 2, 'R3/PT5M', {due.UtcTicks})");

        await ScalarAsync(connectionString, migrations[upToEvents.Count].Sql);

        var job = await store.GetJobAsync(jobId, Cancel);
        Assert.NotNull(job);
        Assert.Equal((instance.Id, "t1", "notify", "async-before", due, 2), (job.InstanceId, job.TokenId, job.ElementId, job.Kind, job.DueAt, job.Retries));
        Assert.Null(job.DefinitionId);
        Assert.Null(job.PayloadJson);
        Assert.Equal([jobId], (await store.AcquireJobsAsync("node", due, due.AddMinutes(5), 10, Cancel)).Select(j => j.Id));
    }

    [Fact]
    public async Task Tasks_written_before_0006_take_their_cases_organisation_and_province()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        var migrations = SchemaMigration.For(provider);
        var upToTaskScope = migrations.TakeWhile(m => !m.Id.EndsWith("0006_task_scope", StringComparison.Ordinal)).ToList();
        Assert.True(upToTaskScope.Count < migrations.Count, "migration 0006_task_scope is not embedded");
        foreach (var migration in upToTaskScope)
        {
            await ScalarAsync(connectionString, migration.Sql);
        }

        var store = EfWorkflowStore.Create(provider, connectionString);
        var definition = StoreData.Definition("before0006", 1);
        await store.AddDefinitionsAsync([definition], Cancel);
        var owned = StoreData.Instance(definition);
        owned.OrganisationCode = "ZJ-TEA";
        owned.Province = "ZJ";
        var unowned = StoreData.Instance(definition);
        unowned.OrganisationCode = null;
        unowned.Province = null;
        var started = new ChangeSet();
        started.NewInstances.AddRange([owned, unowned]);
        await store.CommitAsync(started, Cancel);
        // Task rows as the earlier schema had them (today's model writes columns it did not have yet).
        var (ownedTask, unownedTask) = (Guid.NewGuid(), Guid.NewGuid());
        var created = new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);
        foreach (var (taskId, instanceId) in new[] { (ownedTask, owned.Id), (unownedTask, unowned.Id) })
        {
            await ScalarAsync(connectionString, provider == WorkflowDatabaseProvider.PostgreSql
                ? $"INSERT INTO wf_tasks (id, instance_id, definition_key, element_id, token_id, priority, state, created_at, version) VALUES ('{taskId}', '{instanceId}', 'before0006', 'review', 't1', 50, 'open', '2026-04-01T01:00:00Z', 1)"
                : $"INSERT INTO wf_tasks (id, instance_id, definition_key, element_id, token_id, priority, state, created_at, version) VALUES ('{taskId.ToString().ToUpperInvariant()}', '{instanceId.ToString().ToUpperInvariant()}', 'before0006', 'review', 't1', 50, 'open', {created.UtcTicks}, 1)");
        }

        await ScalarAsync(connectionString, migrations[upToTaskScope.Count].Sql);

        var task = (await store.GetTaskAsync(ownedTask, Cancel))!;
        Assert.Equal(("ZJ-TEA", "ZJ", "review", created), (task.OrganisationCode, task.Province, task.ElementId, task.CreatedAt));
        var plain = (await store.GetTaskAsync(unownedTask, Cancel))!;
        Assert.Equal((null, null), (plain.OrganisationCode, plain.Province));
    }

    [Fact]
    public void Migrations_are_embedded_and_ordered_by_id()
    {
        var migrations = SchemaMigration.For(provider);

        Assert.NotEmpty(migrations);
        Assert.Equal(migrations.Select(m => m.Id).Order(StringComparer.Ordinal), migrations.Select(m => m.Id));
        Assert.Contains("CREATE TABLE", migrations[0].Sql, StringComparison.Ordinal);
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql), $"{m.Id} is empty"));
    }

    protected abstract Task<string> CreateEmptyDatabaseAsync();

    protected abstract DbConnection Connect(string connectionString);

    protected abstract string ColumnsQuery { get; }

    private async Task<List<string>> ColumnsAsync(string connectionString, string table)
    {
        await using var connection = Connect(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = ColumnsQuery;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    protected async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = Connect(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
