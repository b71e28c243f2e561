using Brands.Workflows.Persistence;

namespace Brands.Workflows.Tests.Support;

public sealed class InMemoryStoreProvider : IStoreProvider
{
    public IWorkflowStore Store { get; } = new InMemoryWorkflowStore();
}
