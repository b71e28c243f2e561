using Brands.Workflows.Tests.Support;
using Xunit;

namespace Brands.Workflows.Tests.Runtime;

// The engine scenarios on the in-memory store; the EF Core test project runs the same ones on SQLite and PostgreSQL.
public sealed class UserTaskTests(InMemoryStoreProvider p) : UserTaskScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class GatewayTests(InMemoryStoreProvider p) : GatewayScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class ServiceTaskTests(InMemoryStoreProvider p) : ServiceTaskScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class ScriptTaskTests(InMemoryStoreProvider p) : ScriptTaskScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class SubProcessTests(InMemoryStoreProvider p) : SubProcessScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class CallActivityTests(InMemoryStoreProvider p) : CallActivityScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class MultiInstanceTests(InMemoryStoreProvider p) : MultiInstanceScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class CaseIntegrityTests(InMemoryStoreProvider p) : CaseIntegrityScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class TimerTests(InMemoryStoreProvider p) : TimerScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class MessageTests(InMemoryStoreProvider p) : MessageScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class SignalTests(InMemoryStoreProvider p) : SignalScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class EventSubProcessTests(InMemoryStoreProvider p) : EventSubProcessScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class DefinitionVersionTests(InMemoryStoreProvider p) : DefinitionVersionScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class CamundaCompatibilityTests(InMemoryStoreProvider p) : CamundaCompatibilityScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class ListenerTests(InMemoryStoreProvider p) : ListenerScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class CaseOwnershipTests(InMemoryStoreProvider p) : CaseOwnershipScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class JobExecutorTests(InMemoryStoreProvider p) : JobExecutorScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class ParallelJobTests(InMemoryStoreProvider p) : ParallelJobScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class CommitGroupTests(InMemoryStoreProvider p) : CommitGroupScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class OutboxTests(InMemoryStoreProvider p) : OutboxScenarios(p), IClassFixture<InMemoryStoreProvider>;

public sealed class MigrationTests(InMemoryStoreProvider p) : MigrationScenarios(p), IClassFixture<InMemoryStoreProvider>;
