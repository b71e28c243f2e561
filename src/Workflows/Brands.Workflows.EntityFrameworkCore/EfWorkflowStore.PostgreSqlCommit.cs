using Brands.Workflows.EntityFrameworkCore.Mapping;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Brands.Workflows.EntityFrameworkCore;

public sealed partial class EfWorkflowStore
{
    private CommitRoute? _commitRoute;

    /// <summary>
    /// Writes the change set in one round trip: an <see cref="NpgsqlBatch"/> of multi-row statements (one per table
    /// and operation), sent without an explicit transaction. PostgreSQL runs a batch that ends in a single Sync as
    /// one implicit transaction, and an error in any statement skips the rest and rolls back the ones before it;
    /// so the commit needs neither <c>BEGIN</c> nor <c>COMMIT</c>.
    /// </summary>
    /// <remarks>
    /// The latest-definition guard and the guarded updates come first (instances, tasks, the job-lock guard, jobs,
    /// incidents), so a stale command fails before inserting
    /// anything, and commands on the same case queue on the instance row before they touch its other tables. An
    /// update that matched fewer rows than it was given raises a division by zero (see
    /// <see cref="PostgreSqlTable{T}"/>). That, a unique violation, and a deadlock between two commands are
    /// conflicts: <see cref="WorkflowConcurrencyException"/>, nothing written.
    /// </remarks>
    private static async Task CommitToPostgreSqlAsync(string connectionString, ChangeSet changes, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await using var batch = new NpgsqlBatch(connection);
        var commands = batch.BatchCommands;
        foreach (var (key, version) in changes.LatestDefinitionVersions)
        {
            var guard = new NpgsqlBatchCommand(PostgreSqlTables.LatestDefinitionGuardSql);
            guard.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            guard.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            commands.Add(guard);
        }

        if (changes.UpdatedInstances.Count > 0)
        {
            commands.Add(PostgreSqlTables.Instances.GuardedUpdate(changes.UpdatedInstances, i => ExpectedVersion(changes, i.Id)));
        }

        if (changes.UpdatedTasks.Count > 0)
        {
            commands.Add(PostgreSqlTables.Tasks.GuardedUpdate(changes.UpdatedTasks, t => ExpectedVersion(changes, t.Id)));
        }

        // Guarded jobs the command deletes anyway (and does not update first) are deleted by the guard itself.
        var guardDeletes = changes.JobLockGuards.Count > 0 && changes.JobLockGuards.Keys.All(changes.DeletedJobs.Contains)
            && !changes.UpdatedJobs.Exists(j => changes.JobLockGuards.ContainsKey(j.Id));
        var jobLockGuard = changes.JobLockGuards.Count > 0 ? JobLockGuard(changes.JobLockGuards, guardDeletes) : null;
        if (jobLockGuard is not null)
        {
            commands.Add(jobLockGuard);
        }

        if (changes.UpdatedJobs.Count > 0)
        {
            commands.Add(PostgreSqlTables.Jobs.GuardedUpdate(changes.UpdatedJobs));
        }

        if (changes.UpdatedIncidents.Count > 0)
        {
            commands.Add(PostgreSqlTables.Incidents.GuardedUpdate(changes.UpdatedIncidents));
        }

        foreach (var key in changes.ReplacedStartTriggers)
        {
            foreach (var sql in (string[])[PostgreSqlTables.DeleteStartJobsSql, PostgreSqlTables.DeleteStartSubscriptionsSql])
            {
                var delete = new NpgsqlBatchCommand(sql);
                delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
                commands.Add(delete);
            }
        }

        AddInsert(commands, PostgreSqlTables.Definitions, changes.NewDefinitions);
        AddInsert(commands, PostgreSqlTables.Instances, changes.NewInstances);
        AddInsert(commands, PostgreSqlTables.Tasks, changes.NewTasks);
        AddInsert(commands, PostgreSqlTables.Jobs, changes.NewJobs);
        AddInsert(commands, PostgreSqlTables.Incidents, changes.NewIncidents);
        AddInsert(commands, PostgreSqlTables.History, changes.History);
        AddInsert(commands, PostgreSqlTables.Subscriptions, changes.NewSubscriptions);
        AddInsert(commands, PostgreSqlTables.Outbox, changes.NewOutboxMessages);
        Guid[] deletedJobs = guardDeletes ? [.. changes.DeletedJobs.Where(id => !changes.JobLockGuards.ContainsKey(id))] : [.. changes.DeletedJobs];
        if (deletedJobs.Length > 0)
        {
            var delete = new NpgsqlBatchCommand(PostgreSqlTables.DeleteJobsSql);
            delete.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = deletedJobs });
            commands.Add(delete);
        }

        if (changes.DeletedSubscriptions.Count > 0)
        {
            var delete = new NpgsqlBatchCommand(PostgreSqlTables.DeleteSubscriptionsSql);
            delete.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. changes.DeletedSubscriptions] });
            commands.Add(delete);
        }

        await connection.OpenAsync(cancellationToken);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InvalidTextRepresentation
            && jobLockGuard is not null && exception.MessageText.Contains(PostgreSqlTables.JobLockLostMarker, StringComparison.Ordinal))
        {
            throw new JobLockLostException($"Job {string.Join(", ", changes.JobLockGuards.Keys)} is no longer held by this node.");
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DivisionByZero)
        {
            throw new WorkflowConcurrencyException(
                "The case was changed by another command (a version read is out of date, a row to update no longer exists, "
                + "or a later version of a process started here was deployed).");
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            throw new WorkflowConcurrencyException($"The case was changed by another command ({exception.MessageText}).");
        }
    }

    private static NpgsqlBatchCommand JobLockGuard(Dictionary<Guid, string> guards, bool deletes)
    {
        var command = new NpgsqlBatchCommand(deletes ? PostgreSqlTables.GuardedJobDeleteSql : PostgreSqlTables.JobLockGuardSql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. guards.Keys] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. guards.Values] });
        return command;
    }

    private static void AddInsert<T>(NpgsqlBatchCommandCollection commands, PostgreSqlTable<T> table, List<T> rows)
    {
        if (rows.Count > 0)
        {
            commands.Add(table.Insert(rows));
        }
    }

    /// <summary>
    /// Looks once at how the context factory is configured: PostgreSQL given by a connection string commits
    /// through Npgsql directly (sharing Npgsql's pool for that string with EF Core); anything else through EF Core.
    /// </summary>
    private async Task<CommitRoute> ResolveCommitRouteAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var connectionString = db.Database.IsNpgsql()
            ? RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>()).ConnectionString
            : null;
        return _commitRoute = new CommitRoute(connectionString);
    }

    private sealed record CommitRoute(string? PostgreSqlConnectionString);
}
