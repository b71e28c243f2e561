using System.Diagnostics;

namespace Brands.Bench;

/// <summary>One latency per instance for one command, in Stopwatch ticks; percentiles in milliseconds.</summary>
internal sealed class Latencies(int count)
{
    private readonly long[] _ticks = new long[count];

    public void Record(int index, long ticks) => _ticks[index] = ticks;

    public double PercentileMs(double p)
    {
        var sorted = (long[])_ticks.Clone();
        Array.Sort(sorted);
        var rank = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return Math.Round(sorted[rank] * 1000.0 / Stopwatch.Frequency, 3);
    }
}
