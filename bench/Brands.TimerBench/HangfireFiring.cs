using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Brands.TimerBench;

/// <summary>
/// The same measurement with Hangfire.PostgreSql: N jobs scheduled (a day ahead), then made due in the same second
/// (one UPDATE of their score in Hangfire's schedule set, as <see cref="TimerFiring"/> moves the engine's timers),
/// run by <c>--servers</c> Hangfire servers in this process (default workers and settings; the delayed-job
/// scheduler polls every second, as our executor does). Time until all ran, lateness, duplicates.
/// </summary>
internal static class HangfireFiring
{
    private const string Schema = "hangfire_bench";

    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        var jobs = arguments.Number("jobs", 10_000);
        var servers = arguments.Number("servers", 2);
        var inSeconds = arguments.Number("in-seconds", 20);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout-seconds", 900));
        var options = new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(arguments.Connection, options), options);
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();

        var client = new BackgroundJobClient(storage);
        var scheduling = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            while (Interlocked.Increment(ref next) is var i && i < jobs)
            {
                client.Schedule(() => FiringProbe.Fire(i), TimeSpan.FromDays(1));
            }
        })));
        var scheduleSeconds = scheduling.Elapsed.TotalSeconds;

        DateTimeOffset dueAt;
        await using (var connection = new NpgsqlConnection(arguments.Connection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "WITH due AS (SELECT date_trunc('second', now()) + make_interval(secs => @in) AS at) "
                + $"UPDATE \"{Schema}\".\"set\" SET score = EXTRACT(epoch FROM (SELECT at FROM due)) WHERE key = 'schedule' "
                + "RETURNING (SELECT at FROM due)", connection);
            command.Parameters.AddWithValue("in", inSeconds);
            dueAt = new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
        }

        Console.Error.WriteLine($"   {jobs:N0} Hangfire jobs scheduled in {scheduleSeconds:F0} s, due at {dueAt:O}");
        var running = Enumerable.Range(1, servers).Select(s => new BackgroundJobServer(
            new BackgroundJobServerOptions { ServerName = $"bench-{s}", SchedulePollingInterval = TimeSpan.FromSeconds(1) }, storage)).ToList();
        var waiting = Stopwatch.StartNew();
        while (FiringProbe.Firings.Select(f => f.Number).Distinct().Count() < jobs && waiting.Elapsed < timeout)
        {
            await Task.Delay(500);
        }

        foreach (var server in running)
        {
            server.SendStop();
        }

        foreach (var server in running)
        {
            server.Dispose();
        }

        var firings = FiringProbe.Firings;
        var distinct = firings.Select(f => f.Number).Distinct().Count();
        var lateness = firings.Select(f => (f.At - dueAt).TotalSeconds).Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "hangfire-fire",
            jobs,
            servers,
            workersPerServer = new BackgroundJobServerOptions().WorkerCount,
            scheduleSeconds = Math.Round(scheduleSeconds, 1),
            dueAt,
            fired = distinct,
            duplicates = firings.Count - distinct,
            allFiredSeconds = lateness.Length > 0 ? Math.Round(lateness[^1], 2) : 0,
            latenessP50Seconds = Percentile(lateness, 0.5),
            latenessP99Seconds = Percentile(lateness, 0.99),
            firedPerSecond = lateness.Length > 0 && lateness[^1] > 0 ? Math.Round(distinct / lateness[^1], 1) : 0,
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
        }));
        return distinct == jobs ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
