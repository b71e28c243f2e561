using Brands.Workflows.Persistence;

namespace Brands.Workflows.EntityFrameworkCore.Tests.Contract;

/// <summary>One store per test class; emptied before each test.</summary>
public interface IStoreFixture
{
    IWorkflowStore Store { get; }

    /// <summary>Empties the store, so every test starts from nothing.</summary>
    ValueTask ResetAsync();
}
