using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Brands.Bench.Inbox;

/// <summary>
/// Times one request path for the 31 provincial reviewers in turn (one caller, as a person opening a page waits for
/// it): a warm-up round of each reviewer first, then the timed requests. Every answer must be 200; for the API a
/// JSON array, whose sizes are reported.
/// </summary>
internal static class InboxMeasurement
{
    public static async Task<object> MeasureAsync(IReadOnlyList<HttpClient> reviewers, string path, int requests, bool json)
    {
        var latencies = new Latencies();
        var rows = new List<int>();
        for (var i = -reviewers.Count; i < requests; i++)
        {
            var client = reviewers[(i + reviewers.Count) % reviewers.Count];
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
            }

            if (i < 0)
            {
                continue;
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (json)
            {
                rows.Add(JsonNode.Parse(body)!.AsArray().Count);
            }
        }

        Console.Error.WriteLine($"GET {path}: p50 {latencies.Percentile(50):F2} ms, p95 {latencies.Percentile(95):F2} ms, "
            + $"p99 {latencies.Percentile(99):F2} ms over {latencies.Count} requests"
            + (json ? $"; rows per answer {rows.Min()}–{rows.Max()}" : ""));
        return new { path, latency = latencies.Summary(), rowsMin = json ? rows.Min() : (int?)null, rowsMax = json ? rows.Max() : (int?)null };
    }
}
