using System.Diagnostics;

namespace Brands.Bench;

/// <summary>
/// What this process used between <see cref="Begin"/> and <see cref="EndAsync"/>: wall time, CPU time (user +
/// system), bytes allocated, collections, and the peak working set sampled every 20 ms (as the bpmn-engine runner
/// samples RSS).
/// </summary>
internal sealed class ResourceWindow : IDisposable
{
    private readonly Process _self = Process.GetCurrentProcess();
    private readonly CancellationTokenSource _sampling = new();
    private readonly long _allocatedBefore;
    private readonly int _gen0Before;
    private readonly int _gen2Before;
    private readonly TimeSpan _cpuBefore;
    private readonly Task<long> _peakWorkingSet;
    private readonly long _began;

    private ResourceWindow()
    {
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _gen0Before = GC.CollectionCount(0);
        _gen2Before = GC.CollectionCount(2);
        _cpuBefore = _self.TotalProcessorTime;
        _peakWorkingSet = SamplePeakWorkingSetAsync(_sampling.Token);
        _began = Stopwatch.GetTimestamp();
    }

    public static ResourceWindow Begin() => new();

    public async Task<Usage> EndAsync()
    {
        var elapsed = Stopwatch.GetElapsedTime(_began);
        await _sampling.CancelAsync();
        _self.Refresh();
        var usage = new Usage(
            elapsed,
            _self.TotalProcessorTime - _cpuBefore,
            GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore,
            GC.CollectionCount(0) - _gen0Before,
            GC.CollectionCount(2) - _gen2Before,
            await _peakWorkingSet);
        return usage;
    }

    public void Dispose()
    {
        _sampling.Dispose();
        _self.Dispose();
    }

    private static async Task<long> SamplePeakWorkingSetAsync(CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        long peak = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            self.Refresh();
            peak = Math.Max(peak, self.WorkingSet64);
        }
        while (await timer.WaitForNextTickAsync(CancellationToken.None) && !cancellationToken.IsCancellationRequested);

        self.Refresh();
        return Math.Max(peak, self.WorkingSet64);
    }

    /// <summary>The figures of one window.</summary>
    public sealed record Usage(TimeSpan Elapsed, TimeSpan ProcessorTime, long AllocatedBytes, int Gen0Collections, int Gen2Collections, long PeakWorkingSetBytes);
}
