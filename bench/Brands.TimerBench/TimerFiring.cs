using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Brands.TimerBench;

/// <summary>
/// Makes every waiting timer due in the same second (one UPDATE of their due time, <c>--in-seconds</c> from the
/// database's now), waits until the host nodes have fired them all, and reads from the history: time until all
/// fired, lateness p50/p99 (history time of each firing minus the due second), duplicates, cases completed.
/// </summary>
internal static class TimerFiring
{
    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        var inSeconds = arguments.Number("in-seconds", 20);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout-seconds", 900));
        await using var connection = new NpgsqlConnection(arguments.Connection);
        await connection.OpenAsync();

        var moveDue = "WITH moved AS (UPDATE wf_jobs SET due_at = date_trunc('second', now()) + make_interval(secs => "
            + inSeconds.ToString(CultureInfo.InvariantCulture) + ") WHERE kind = 'timer' RETURNING due_at) SELECT count(*), min(due_at) FROM moved";
        var (timers, dueAt) = await ReadAsync(connection, moveDue, r => (r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1)));
        Console.Error.WriteLine($"   {timers:N0} timers due at {dueAt:O}");

        var waiting = Stopwatch.StartNew();
        long left;
        while ((left = await ScalarAsync(connection, "SELECT count(*) FROM wf_jobs WHERE kind = 'timer'")) > 0 && waiting.Elapsed < timeout)
        {
            await Task.Delay(500);
        }

        var (firings, casesFired, allFiredSeconds) = await ReadAsync(connection, """
            SELECT count(*), count(DISTINCT instance_id), COALESCE(EXTRACT(epoch FROM max(at) - @due), 0)::float8
            FROM wf_history WHERE kind = 'timer-fired'
            """, r => (r.GetInt64(0), r.GetInt64(1), r.GetDouble(2)), dueAt);
        var (p50, p99) = await ReadAsync(connection, """
            SELECT COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(epoch FROM at - @due)), 0)::float8,
                   COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(epoch FROM at - @due)), 0)::float8
            FROM wf_history WHERE kind = 'timer-fired'
            """, r => (r.GetDouble(0), r.GetDouble(1)), dueAt);
        var early = await ScalarAsync(connection, "SELECT count(*) FROM wf_history WHERE kind = 'timer-fired' AND at < @due", dueAt);
        var completed = await ScalarAsync(connection, "SELECT count(*) FROM wf_instances WHERE status = 'completed'");

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "timers-fire",
            timers,
            dueAt,
            fired = casesFired,
            notFired = left,
            duplicates = firings - casesFired,
            early,
            completed,
            allFiredSeconds = Math.Round(allFiredSeconds, 2),
            latenessP50Seconds = Math.Round(p50, 2),
            latenessP99Seconds = Math.Round(p99, 2),
            firedPerSecond = allFiredSeconds > 0 ? Math.Round(casesFired / allFiredSeconds, 1) : 0,
        }));
        return left == 0 && firings == casesFired && casesFired == timers ? 0 : 1;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, DateTimeOffset? due = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (due is { } value)
        {
            command.Parameters.AddWithValue("due", value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<T> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, DateTimeOffset? due = null)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        if (due is { } value)
        {
            command.Parameters.AddWithValue("due", value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return read(reader);
    }
}
