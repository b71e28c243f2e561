using Brands.Workflows.Persistence;

namespace Brands.Workflows.Tests.Support;

/// <summary>
/// Gives engine scenarios the store they run on. The same scenarios run on the in-memory store here and on
/// SQLite and PostgreSQL in the EF Core test project, which compiles these files too.
/// </summary>
public interface IStoreProvider
{
    IWorkflowStore Store { get; }
}

/// <summary>Base of every engine scenario class: a fresh engine per test on the provider's store.</summary>
public abstract class EngineScenarios(IStoreProvider stores)
{
    protected IWorkflowStore Store => stores.Store;

    protected EngineHarness NewHarness(WorkflowEngineOptions? options = null, params Handlers.IServiceTaskHandler[] handlers) =>
        new(stores.Store, options, handlers);

    /// <summary>A harness whose engine shows its commits to <paramref name="observers"/>.</summary>
    protected EngineHarness NewHarness(Handlers.IServiceTaskHandler[] handlers, Handlers.ICommitObserver[] observers) =>
        new(stores.Store, handlers, observers);

    /// <summary>A harness whose engine knows these listener handlers.</summary>
    protected EngineHarness NewHarness(Handlers.IListenerHandler listeners) =>
        new(stores.Store, null, [], [listeners]);
}
