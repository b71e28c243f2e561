using Brands.Workflows.Persistence;
using HistoryColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.HistoryRecord>;
using IncidentColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.IncidentRecord>;
using InstanceColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.InstanceRecord>;
using OutboxColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.OutboxMessage>;
using JobColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.JobRecord>;
using SubscriptionColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.SubscriptionRecord>;
using DefinitionColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.DefinitionRecord>;
using TaskColumns = Brands.Workflows.EntityFrameworkCore.Mapping.PostgreSqlColumns<Brands.Workflows.Persistence.TaskRecord>;

namespace Brands.Workflows.EntityFrameworkCore.Mapping;

/// <summary>
/// The tables a commit writes on PostgreSQL, column for column as in Migrations/PostgreSql (a test compares the
/// statements against the EF model). Values are written as <see cref="RecordCopies"/> would copy them: instants
/// in UTC, candidate lists normalised.
/// </summary>
internal static class PostgreSqlTables
{
    public static readonly PostgreSqlTable<InstanceRecord> Instances = new("wf_instances",
    [
        InstanceColumns.Of("id", "uuid", r => r.Id),
        InstanceColumns.Of("definition_id", "text", r => r.DefinitionId),
        InstanceColumns.Of("definition_key", "text", r => r.DefinitionKey),
        InstanceColumns.Of("definition_version", "integer", r => r.DefinitionVersion),
        InstanceColumns.Of("business_key", "text", r => r.BusinessKey),
        InstanceColumns.Of("status", "text", r => r.Status),
        InstanceColumns.Of("parent_instance_id", "uuid", r => r.ParentInstanceId),
        InstanceColumns.Of("parent_token_id", "text", r => r.ParentTokenId),
        InstanceColumns.Of("root_instance_id", "uuid", r => r.RootInstanceId),
        InstanceColumns.Of("variables_json", "text", r => r.VariablesJson, writeCast: "jsonb"),
        InstanceColumns.Of("state_json", "text", r => r.StateJson, writeCast: "jsonb"),
        InstanceColumns.Of("case_type", "text", r => r.CaseType),
        InstanceColumns.Of("organisation_code", "text", r => r.OrganisationCode),
        InstanceColumns.Of("province", "text", r => r.Province),
        InstanceColumns.Of("year", "integer", r => r.Year),
        InstanceColumns.Instant("started_at", r => r.StartedAt),
        InstanceColumns.NullableInstant("ended_at", r => r.EndedAt),
    ], version: r => r.Version);

    public static readonly PostgreSqlTable<TaskRecord> Tasks = new("wf_tasks",
    [
        TaskColumns.Of("id", "uuid", r => r.Id),
        TaskColumns.Of("instance_id", "uuid", r => r.InstanceId),
        TaskColumns.Of("definition_key", "text", r => r.DefinitionKey),
        TaskColumns.Of("business_key", "text", r => r.BusinessKey),
        TaskColumns.Of("organisation_code", "text", r => r.OrganisationCode),
        TaskColumns.Of("province", "text", r => r.Province),
        TaskColumns.Of("element_id", "text", r => r.ElementId),
        TaskColumns.Of("token_id", "text", r => r.TokenId),
        TaskColumns.Of("name", "text", r => r.Name),
        TaskColumns.Of("assignee", "text", r => r.Assignee),
        TaskColumns.Of("candidate_users", "text", r => RecordCopies.NormaliseList(r.CandidateUsers)),
        TaskColumns.Of("candidate_groups", "text", r => RecordCopies.NormaliseList(r.CandidateGroups)),
        TaskColumns.NullableInstant("due_at", r => r.DueAt),
        TaskColumns.NullableInstant("follow_up_at", r => r.FollowUpAt),
        TaskColumns.Of("priority", "integer", r => r.Priority),
        TaskColumns.Of("form_ref", "text", r => r.FormRef),
        TaskColumns.Of("form_ref_binding", "text", r => r.FormRefBinding),
        TaskColumns.Of("state", "text", r => r.State),
        TaskColumns.Instant("created_at", r => r.CreatedAt),
        TaskColumns.NullableInstant("ended_at", r => r.EndedAt),
        TaskColumns.Of("completed_by", "text", r => r.CompletedBy),
    ], version: r => r.Version);

    public static readonly PostgreSqlTable<JobRecord> Jobs = new("wf_jobs",
    [
        JobColumns.Of("id", "uuid", r => r.Id),
        JobColumns.Of("instance_id", "uuid", r => r.InstanceId),
        JobColumns.Of("definition_id", "text", r => r.DefinitionId),
        JobColumns.Of("token_id", "text", r => r.TokenId),
        JobColumns.Of("element_id", "text", r => r.ElementId),
        JobColumns.Of("kind", "text", r => r.Kind),
        JobColumns.Instant("due_at", r => r.DueAt),
        JobColumns.Of("retries", "integer", r => r.Retries),
        JobColumns.Of("retry_cycle", "text", r => r.RetryCycle),
        JobColumns.Of("lock_owner", "text", r => r.LockOwner),
        JobColumns.NullableInstant("lock_expires_at", r => r.LockExpiresAt),
        JobColumns.Of("last_error", "text", r => r.LastError),
        JobColumns.Of("payload_json", "text", r => r.PayloadJson),
        JobColumns.Instant("created_at", r => r.CreatedAt),
    ]);

    public static readonly PostgreSqlTable<SubscriptionRecord> Subscriptions = new("wf_subscriptions",
    [
        SubscriptionColumns.Of("id", "uuid", r => r.Id),
        SubscriptionColumns.Of("kind", "text", r => r.Kind),
        SubscriptionColumns.Of("name", "text", r => r.Name),
        SubscriptionColumns.Of("instance_id", "uuid", r => r.InstanceId),
        SubscriptionColumns.Of("token_id", "text", r => r.TokenId),
        SubscriptionColumns.Of("element_id", "text", r => r.ElementId),
        SubscriptionColumns.Of("definition_id", "text", r => r.DefinitionId),
        SubscriptionColumns.Of("business_key", "text", r => r.BusinessKey),
        SubscriptionColumns.Of("correlation_key", "text", r => r.CorrelationKey),
        SubscriptionColumns.Instant("created_at", r => r.CreatedAt),
    ]);

    /// <summary>A message whose dedupe key is stored already is skipped, not a conflict (docs/engine.md, "Outbox").</summary>
    public static readonly PostgreSqlTable<OutboxMessage> Outbox = new("wf_outbox",
    [
        OutboxColumns.Of("id", "uuid", r => r.Id),
        OutboxColumns.Of("topic", "text", r => r.Topic),
        OutboxColumns.Of("payload_json", "text", r => r.PayloadJson),
        OutboxColumns.Of("dedupe_key", "text", r => r.DedupeKey),
        OutboxColumns.Of("instance_id", "uuid", r => r.InstanceId),
        OutboxColumns.Of("element_id", "text", r => r.ElementId),
        OutboxColumns.Of("status", "text", r => r.Status),
        OutboxColumns.Of("attempts", "integer", r => r.Attempts),
        OutboxColumns.Instant("next_attempt_at", r => r.NextAttemptAt),
        OutboxColumns.Of("lock_owner", "text", r => r.LockOwner),
        OutboxColumns.NullableInstant("lock_expires_at", r => r.LockExpiresAt),
        OutboxColumns.NullableInstant("sent_at", r => r.SentAt),
        OutboxColumns.Of("last_error", "text", r => r.LastError),
        OutboxColumns.Of("result", "text", r => r.Result),
        OutboxColumns.Instant("created_at", r => r.CreatedAt),
    ], skipConflicts: true);

    public static readonly PostgreSqlTable<DefinitionRecord> Definitions = new("wf_definitions",
    [
        DefinitionColumns.Of("id", "text", r => r.Id),
        DefinitionColumns.Of("key", "text", r => r.Key),
        DefinitionColumns.Of("version", "integer", r => r.Version),
        DefinitionColumns.Of("name", "text", r => r.Name),
        DefinitionColumns.Of("xml", "text", r => r.Xml),
        DefinitionColumns.Of("content_hash", "text", r => r.ContentHash),
        DefinitionColumns.Instant("deployed_at", r => r.DeployedAt),
    ]);

    public static readonly PostgreSqlTable<IncidentRecord> Incidents = new("wf_incidents",
    [
        IncidentColumns.Of("id", "uuid", r => r.Id),
        IncidentColumns.Of("instance_id", "uuid", r => r.InstanceId),
        IncidentColumns.Of("job_id", "uuid", r => r.JobId),
        IncidentColumns.Of("element_id", "text", r => r.ElementId),
        IncidentColumns.Of("kind", "text", r => r.Kind),
        IncidentColumns.Of("message", "text", r => r.Message),
        IncidentColumns.Instant("created_at", r => r.CreatedAt),
        IncidentColumns.NullableInstant("resolved_at", r => r.ResolvedAt),
    ]);

    public static readonly PostgreSqlTable<HistoryRecord> History = new("wf_history",
    [
        HistoryColumns.Of("id", "uuid", r => r.Id),
        HistoryColumns.Of("instance_id", "uuid", r => r.InstanceId),
        HistoryColumns.Of("sequence", "bigint", r => r.Sequence),
        HistoryColumns.Instant("at", r => r.At),
        HistoryColumns.Of("kind", "text", r => r.Kind),
        HistoryColumns.Of("element_id", "text", r => r.ElementId),
        HistoryColumns.Of("user_id", "text", r => r.UserId),
        // json keeps the text byte for byte (the hash chain is computed over it).
        HistoryColumns.Of("data_json", "text", r => r.DataJson, writeCast: "json"),
        HistoryColumns.Of("previous_hash", "text", r => r.PreviousHash),
        HistoryColumns.Of("hash", "text", r => r.Hash),
    ]);

    /// <summary>
    /// Fails the commit (division by zero, as the guarded updates do) when a process key a case was started from
    /// has a later version than the one the engine took to be the latest: $1 the key, $2 that version.
    /// </summary>
    public const string LatestDefinitionGuardSql =
        "SELECT 1 / (NOT EXISTS (SELECT FROM wf_definitions WHERE key = $1::text AND version > $2::integer))::integer";

    /// <summary>Removes subscriptions by id; one already gone is no error.</summary>
    public const string DeleteSubscriptionsSql = "DELETE FROM wf_subscriptions WHERE id = ANY($1::uuid[])";

    /// <summary>Removes the start triggers (timer start jobs, start event subscriptions) of every version of a key.</summary>
    public const string DeleteStartJobsSql =
        "DELETE FROM wf_jobs WHERE instance_id IS NULL AND definition_id IN (SELECT id FROM wf_definitions WHERE key = $1::text)";

    /// <inheritdoc cref="DeleteStartJobsSql"/>
    public const string DeleteStartSubscriptionsSql =
        "DELETE FROM wf_subscriptions WHERE instance_id IS NULL AND definition_id IN (SELECT id FROM wf_definitions WHERE key = $1::text)";

    /// <summary>
    /// Locks the jobs a command ran (<c>FOR UPDATE</c>, so an acquirer's <c>SKIP LOCKED</c> passes over them until the
    /// commit ends) and fails unless each is still held by its owner: <c>$1</c> ids, <c>$2</c> owners. It fails with
    /// its own error rather than the other guards' division by zero — a cast of <see cref="JobLockLostMarker"/> to an
    /// integer (SQLSTATE 22P02) — so the commit can tell a lost job from a stale case. It follows the instance and task
    /// updates, so locks are taken in the order every command takes them.
    /// </summary>
    public const string JobLockGuardSql =
        "WITH held AS (SELECT j.id FROM wf_jobs AS j JOIN unnest($1::uuid[], $2::text[]) AS g(id, owner) "
        + "ON j.id = g.id AND j.lock_owner = g.owner FOR UPDATE OF j) "
        + "SELECT CASE WHEN count(*) = cardinality($1::uuid[]) THEN 1 ELSE ('" + JobLockLostMarker + " ' || count(*))::int END FROM held";

    /// <summary>
    /// <see cref="JobLockGuardSql"/> for jobs the command also deletes (a fired timer, a finished continuation): the
    /// delete of the jobs still held by their owners is the guard, one statement instead of two.
    /// </summary>
    public const string GuardedJobDeleteSql =
        "WITH gone AS (DELETE FROM wf_jobs AS j USING unnest($1::uuid[], $2::text[]) AS g(id, owner) "
        + "WHERE j.id = g.id AND j.lock_owner = g.owner RETURNING j.id) "
        + "SELECT CASE WHEN count(*) = cardinality($1::uuid[]) THEN 1 ELSE ('" + JobLockLostMarker + " ' || count(*))::int END FROM gone";

    /// <summary>The text in the error <see cref="JobLockGuardSql"/> and <see cref="GuardedJobDeleteSql"/> raise.</summary>
    public const string JobLockLostMarker = "job-lock-lost";

    /// <summary>Removes jobs by id; a job already gone is no error.</summary>
    public const string DeleteJobsSql = "DELETE FROM wf_jobs WHERE id = ANY($1::uuid[])";
}
