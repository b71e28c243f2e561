namespace Brands.Bench.Inbox;

/// <summary>Milliseconds of a series of requests, with the percentiles the report gives.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];

    public void Add(double ms) => _ms.Add(ms);

    public int Count => _ms.Count;

    public double Percentile(double p)
    {
        var sorted = _ms.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public object Summary() => new
    {
        requests = Count,
        p50Ms = Math.Round(Percentile(50), 2),
        p95Ms = Math.Round(Percentile(95), 2),
        p99Ms = Math.Round(Percentile(99), 2),
        maxMs = Math.Round(Percentile(100), 2),
    };
}
