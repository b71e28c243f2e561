using Brands.Workflows.Handlers;

namespace Brands.Bench;

/// <summary>The service task's handler: does nothing but count, so the benchmark measures the engine alone.</summary>
internal sealed class NotifyHandler : IServiceTaskHandler
{
    private int _calls;

    public string Topic => "bench-notify";

    public int Calls => Volatile.Read(ref _calls);

    public Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.CompletedTask;
    }

    public void Reset() => Interlocked.Exchange(ref _calls, 0);
}
