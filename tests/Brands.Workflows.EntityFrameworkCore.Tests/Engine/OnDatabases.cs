using Brands.Workflows.Tests.Runtime;
using Xunit;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Engine;

// The engine's scenarios (compiled from tests/Brands.Workflows.Tests/Runtime) on both databases.
public sealed class UserTaskOnPostgreSqlTests(PostgreSqlStoreProvider p) : UserTaskScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class UserTaskOnSqliteTests(SqliteStoreProvider p) : UserTaskScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class GatewayOnPostgreSqlTests(PostgreSqlStoreProvider p) : GatewayScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class GatewayOnSqliteTests(SqliteStoreProvider p) : GatewayScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class ServiceTaskOnPostgreSqlTests(PostgreSqlStoreProvider p) : ServiceTaskScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class ServiceTaskOnSqliteTests(SqliteStoreProvider p) : ServiceTaskScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class ScriptTaskOnPostgreSqlTests(PostgreSqlStoreProvider p) : ScriptTaskScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class ScriptTaskOnSqliteTests(SqliteStoreProvider p) : ScriptTaskScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class SubProcessOnPostgreSqlTests(PostgreSqlStoreProvider p) : SubProcessScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class SubProcessOnSqliteTests(SqliteStoreProvider p) : SubProcessScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class CallActivityOnPostgreSqlTests(PostgreSqlStoreProvider p) : CallActivityScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class CallActivityOnSqliteTests(SqliteStoreProvider p) : CallActivityScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class MultiInstanceOnPostgreSqlTests(PostgreSqlStoreProvider p) : MultiInstanceScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class MultiInstanceOnSqliteTests(SqliteStoreProvider p) : MultiInstanceScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class CaseIntegrityOnPostgreSqlTests(PostgreSqlStoreProvider p) : CaseIntegrityScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class CaseIntegrityOnSqliteTests(SqliteStoreProvider p) : CaseIntegrityScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class TimerOnPostgreSqlTests(PostgreSqlStoreProvider p) : TimerScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class TimerOnSqliteTests(SqliteStoreProvider p) : TimerScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class MessageOnPostgreSqlTests(PostgreSqlStoreProvider p) : MessageScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class MessageOnSqliteTests(SqliteStoreProvider p) : MessageScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class SignalOnPostgreSqlTests(PostgreSqlStoreProvider p) : SignalScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class SignalOnSqliteTests(SqliteStoreProvider p) : SignalScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class EventSubProcessOnPostgreSqlTests(PostgreSqlStoreProvider p) : EventSubProcessScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class EventSubProcessOnSqliteTests(SqliteStoreProvider p) : EventSubProcessScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class DefinitionVersionOnPostgreSqlTests(PostgreSqlStoreProvider p) : DefinitionVersionScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class DefinitionVersionOnSqliteTests(SqliteStoreProvider p) : DefinitionVersionScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class CamundaCompatibilityOnPostgreSqlTests(PostgreSqlStoreProvider p) : CamundaCompatibilityScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class CamundaCompatibilityOnSqliteTests(SqliteStoreProvider p) : CamundaCompatibilityScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class ListenerOnPostgreSqlTests(PostgreSqlStoreProvider p) : ListenerScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class ListenerOnSqliteTests(SqliteStoreProvider p) : ListenerScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class CaseOwnershipOnPostgreSqlTests(PostgreSqlStoreProvider p) : CaseOwnershipScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class CaseOwnershipOnSqliteTests(SqliteStoreProvider p) : CaseOwnershipScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class JobExecutorOnPostgreSqlTests(PostgreSqlStoreProvider p) : JobExecutorScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class JobExecutorOnSqliteTests(SqliteStoreProvider p) : JobExecutorScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class ParallelJobOnPostgreSqlTests(PostgreSqlStoreProvider p) : ParallelJobScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class CommitGroupOnPostgreSqlTests(PostgreSqlStoreProvider p) : CommitGroupScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class ParallelJobOnSqliteTests(SqliteStoreProvider p) : ParallelJobScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class CommitGroupOnSqliteTests(SqliteStoreProvider p) : CommitGroupScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class OutboxOnPostgreSqlTests(PostgreSqlStoreProvider p) : OutboxScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class OutboxOnSqliteTests(SqliteStoreProvider p) : OutboxScenarios(p), IClassFixture<SqliteStoreProvider>;

public sealed class MigrationOnPostgreSqlTests(PostgreSqlStoreProvider p) : MigrationScenarios(p), IClassFixture<PostgreSqlStoreProvider>;

public sealed class MigrationOnSqliteTests(SqliteStoreProvider p) : MigrationScenarios(p), IClassFixture<SqliteStoreProvider>;
