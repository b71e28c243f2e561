using Brands.Workflows.Persistence;

namespace Brands.Bench;

/// <summary>The store a run uses: the engine's in-memory store, or the EF Core store on PostgreSQL (schema migrated first).</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owner;

    private BenchStore(IWorkflowStore store, IAsyncDisposable? owner)
    {
        Store = store;
        _owner = owner;
    }

    public IWorkflowStore Store { get; }

    public static Task<BenchStore> OpenAsync(BenchOptions options) => options.Mode switch
    {
        "memory" => Task.FromResult(new BenchStore(new InMemoryWorkflowStore(), null)),
        _ => throw new NotSupportedException("the PostgreSQL store has not landed yet"),
    };

    public ValueTask DisposeAsync() => _owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
