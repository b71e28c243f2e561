using Brands.Workflows.Persistence;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>The reference behaviour: the contract holds for the engine's in-memory store.</summary>
public sealed class InMemoryWorkflowStoreTests() : WorkflowStoreContract(new InMemoryStoreFixture())
{
    private sealed class InMemoryStoreFixture : IStoreFixture
    {
        public IWorkflowStore Store { get; private set; } = new InMemoryWorkflowStore();

        public ValueTask ResetAsync()
        {
            Store = new InMemoryWorkflowStore();
            return ValueTask.CompletedTask;
        }
    }
}
