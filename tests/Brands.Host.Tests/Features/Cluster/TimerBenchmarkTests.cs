using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace Brands.Host.Tests.Features.Cluster;

/// <summary>
/// The timer benchmark of bench/README.md ("Timers") in CI size: <c>bench/timers.sh</c> itself, unchanged, with
/// 2,000 engine timers due in the same second on two host nodes and 1,000 Hangfire jobs beside them. The full run
/// (100,000 timers) is for a quiet machine and its figures live in bench/README.md; here the script proves on every
/// build that it still runs and that every timer fired exactly once, none early, and every case completed.
/// </summary>
public sealed class TimerBenchmarkTests
{
    private const int Timers = 2000;
    private const int HangfireJobs = 1000;

    [Fact]
    public async Task The_timer_benchmark_fires_every_timer_once_on_two_nodes()
    {
        var root = RepositoryRoot();
        var results = Directory.CreateTempSubdirectory("brands-timer-bench-");
        try
        {
            var start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(root, "bench", "timers.sh"));
            start.Environment["BENCH_TIMERS"] = Timers.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["BENCH_HANGFIRE_JOBS"] = HangfireJobs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["BENCH_RESULTS"] = results.FullName;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bench/timers.sh.");
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using (var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
            {
                patience.CancelAfter(TimeSpan.FromMinutes(15));
                try
                {
                    await process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }
            }

            var log = $"{await output}\n{await errors}";
            Assert.True(process.ExitCode == 0, $"bench/timers.sh exited with {process.ExitCode}:\n{log}");

            var runs = File.ReadAllLines(Path.Combine(results.FullName, "runs.jsonl"))
                .Select(line => JsonNode.Parse(line)!.AsObject())
                .ToList();
            var fire = runs.Single(run => (string?)run["bench"] == "timers-fire");
            Assert.Equal(Timers, (int)fire["fired"]!);
            Assert.Equal(0, (int)fire["notFired"]!);
            Assert.Equal(0, (int)fire["duplicates"]!);
            Assert.Equal(0, (int)fire["early"]!);
            Assert.Equal(Timers, (int)fire["completed"]!);
            Assert.True((double)fire["allFiredSeconds"]! > 0, log);

            var hangfire = runs.Single(run => (string?)run["bench"] == "hangfire-fire");
            Assert.Equal(HangfireJobs, (int)hangfire["fired"]!);
            Assert.Equal(2, runs.Count(run => (string?)run["bench"] == "timers-node" && (int)run["peakMemoryMb"]! > 0));
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Brands.Workflow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Brands.Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
