using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Brands.Testing;
using Npgsql;
using Xunit;

namespace Brands.Host.Tests.Features.Cluster;

/// <summary>
/// Several nodes, for real: three host processes started at the same moment on one empty PostgreSQL database drive
/// cases that each carry an interrupting deadline and a reminder cycle; one node is killed with SIGKILL mid-run and
/// started again. The history proves every timer fired at most once to effect, every deadline exactly once, no case
/// is stuck and no job is lost; tokens and cookies of one node open the others, also after the restart; the deadline
/// sweep ran once a minute across the cluster, never twice, and found nothing.
/// </summary>
/// <remarks>
/// <c>BRANDS_CLUSTER_CASES</c> sets the number of cases (1,000 by default). Timers use short real durations (PT8S,
/// R3/PT1S) judged by the database's clock, the one clock every process shares.
/// </remarks>
public sealed class ClusterTimerTests
{
    private const string ProcessKey = "cluster-deadline";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Workflows:JobLockDuration"] = "00:00:10",
        ["Workflows:JobPollInterval"] = "00:00:00.250",
        ["Background:PollInterval"] = "00:00:02",
        ["Background:Schedules:deadline-sweep"] = "* * * * *",
        ["Background:DeadlineSweepGrace"] = "00:02:00",
    };

    [Fact]
    public async Task Three_nodes_fire_every_timer_of_many_cases_once_through_a_SIGKILL_and_accept_each_others_tokens()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("BRANDS_CLUSTER_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1000;
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("cluster");
        var nodes = Enumerable.Range(0, 3).Select(i => HostProcess.Start($"node{i}", connectionString, Settings)).ToList();
        var restarted = default(HostProcess);
        try
        {
            // All three came up at once on an empty database: migrations, Hangfire's schema and the seed tolerated each other.
            await Task.WhenAll(nodes.Select(node => node.WaitReadyAsync(TimeSpan.FromMinutes(2))));
            var tokens = new List<string>();
            foreach (var node in nodes)
            {
                tokens.Add(await SignInAsync(node));
            }

            using (var admin = Authorised(nodes[0], tokens[0]))
            using (var deployed = await admin.PostAsync("/api/definitions",
                new StringContent(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Cluster", "cluster-deadline.bpmn")), Encoding.UTF8, "application/xml"), Cancel))
            {
                Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
            }

            var alive = new List<(HostProcess Node, string Token)> { (nodes[0], tokens[0]), (nodes[1], tokens[1]), (nodes[2], tokens[2]) };
            var killed = 0;
            var started = 0;
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var i && i < cases)
                {
                    await StartCaseAsync(connectionString, alive, i);
                    if (Interlocked.Increment(ref started) == cases / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        lock (alive)
                        {
                            alive.RemoveAll(a => a.Node == nodes[1]);
                        }

                        nodes[1].Kill();
                    }
                }
            }, Cancel)));
            Assert.True(nodes[1].HasExited);

            // The killed node comes back; the token it issued before it died opens the API on it and on the others.
            restarted = HostProcess.Start("node1-again", connectionString, Settings, nodes[1].Port);
            await restarted.WaitReadyAsync(TimeSpan.FromMinutes(2));
            foreach (var node in new[] { restarted, nodes[0], nodes[2] })
            {
                using var client = Authorised(node, tokens[1]);
                using var listed = await client.GetAsync("/api/admin/jobs?max=1", Cancel);
                Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            }

            await AssertCookieOfOneNodeOpensTheDashboardOnAnotherAsync(nodes[2], restarted);
            await WaitUntilEveryCaseEndedAsync(connectionString, cases);
            await AssertTimersFiredOnceAsync(connectionString, cases);
            await AssertDeadlineSweepRanOncePerMinuteAsync(connectionString);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static async Task<string> SignInAsync(HostProcess node)
    {
        using var client = node.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["accessToken"]!;
    }

    private static HttpClient Authorised(HostProcess node, string token)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Starts case <paramref name="index"/> on a live node; when a node dies under the call, finds out whether the case was made before trying another.</summary>
    private static async Task StartCaseAsync(string connectionString, List<(HostProcess Node, string Token)> alive, int index)
    {
        var businessKey = $"CLUSTER-{index:00000}";
        for (var attempt = 0; ; attempt++)
        {
            (HostProcess Node, string Token) target;
            lock (alive)
            {
                target = alive[(index + attempt) % alive.Count];
            }

            try
            {
                using var client = Authorised(target.Node, target.Token);
                using var response = await client.PostAsJsonAsync("/api/cases", new { definitionKey = ProcessKey, businessKey }, Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.Created,
                    $"{await response.Content.ReadAsStringAsync(Cancel)}\n{target.Node.Name}'s log:\n{target.Node.ReadLog()}");
                return;
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                if (await ScalarAsync(connectionString, $"SELECT count(*) FROM wf_instances WHERE business_key = '{businessKey}'") > 0)
                {
                    return;
                }
            }
        }
    }

    private static async Task AssertCookieOfOneNodeOpensTheDashboardOnAnotherAsync(HostProcess issuer, HostProcess other)
    {
        using var signIn = issuer.CreateClient(new SocketsHttpHandler { UseCookies = false });
        using var signedIn = await signIn.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel);
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync(Cancel));
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var browser = other.CreateClient(new SocketsHttpHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        request.Headers.Add("Cookie", cookie);
        using var dashboard = await browser.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("deadline-sweep", await dashboard.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static async Task WaitUntilEveryCaseEndedAsync(string connectionString, int cases)
    {
        await Eventually.TrueAsync(async () => await ScalarAsync(connectionString,
            $"SELECT count(*) FROM wf_instances WHERE definition_key = '{ProcessKey}' AND status <> 'active'") >= cases,
            Patience, $"all {cases} cases to end");
    }

    private static async Task AssertTimersFiredOnceAsync(string connectionString, int cases)
    {
        async Task<long> Count(string sql) => await ScalarAsync(connectionString, sql);
        const string OfRun = $"instance_id IN (SELECT id FROM wf_instances WHERE definition_key = '{ProcessKey}')";

        Assert.Equal(cases, await Count($"SELECT count(*) FROM wf_instances WHERE definition_key = '{ProcessKey}'"));
        Assert.Equal(cases, await Count($"SELECT count(DISTINCT business_key) FROM wf_instances WHERE definition_key = '{ProcessKey}'"));
        Assert.Equal(cases, await Count($"SELECT count(*) FROM wf_instances WHERE definition_key = '{ProcessKey}' AND status = 'completed'"));
        // No job lost or left behind, no incident.
        Assert.Equal(0, await Count($"SELECT count(*) FROM wf_jobs WHERE {OfRun}"));
        Assert.Equal(0, await Count($"SELECT count(*) FROM wf_incidents WHERE {OfRun}"));
        // Every deadline fired exactly once, and its case ended there.
        Assert.Equal(cases, await Count($"""
            SELECT count(*) FROM (SELECT instance_id FROM wf_history WHERE {OfRun} AND kind = 'timer-fired' AND element_id = 'deadline'
                                  GROUP BY instance_id HAVING count(*) = 1) AS once
            """));
        Assert.Equal(cases, await Count($"SELECT count(*) FROM wf_history WHERE {OfRun} AND kind IN ('element-entered', 'element-passed') AND element_id = 'late'"));
        // No timer fired twice: each firing is of a timer that was started, and no started timer fired more than once.
        Assert.Equal(0, await Count($"""
            SELECT count(*) FROM (SELECT instance_id, element_id, data_json::jsonb ->> 'dueAt' FROM wf_history
                                  WHERE {OfRun} AND kind = 'timer-fired' GROUP BY 1, 2, 3 HAVING count(*) > 1) AS twice
            """));
        Assert.Equal(0, await Count($"""
            SELECT count(*) FROM wf_history f WHERE f.{OfRun} AND f.kind = 'timer-fired' AND NOT EXISTS (
                SELECT 1 FROM wf_history s WHERE s.instance_id = f.instance_id AND s.kind = 'timer-started'
                AND s.element_id = f.element_id AND s.data_json::jsonb ->> 'dueAt' = f.data_json::jsonb ->> 'dueAt')
            """));
        // Each reminder that fired had its effect once: its path reached the end event "reminded".
        var reminders = await Count($"SELECT count(*) FROM wf_history WHERE {OfRun} AND kind = 'timer-fired' AND element_id = 'reminder'");
        Assert.Equal(reminders, await Count($"SELECT count(*) FROM wf_history WHERE {OfRun} AND kind IN ('element-entered', 'element-passed') AND element_id = 'reminded'"));
        Assert.InRange(reminders, 1L, 3L * cases);
    }

    private static async Task AssertDeadlineSweepRanOncePerMinuteAsync(string connectionString)
    {
        await Eventually.TrueAsync(async () => await ScalarAsync(connectionString,
            "SELECT count(*) FROM background_runs WHERE job = 'deadline-sweep'") >= 2, TimeSpan.FromMinutes(3), "two runs of the every-minute deadline sweep");
        var runs = await ScalarAsync(connectionString, "SELECT count(*) FROM background_runs WHERE job = 'deadline-sweep'");
        var minutes = await ScalarAsync(connectionString,
            "SELECT count(DISTINCT date_trunc('minute', started_at)) FROM background_runs WHERE job = 'deadline-sweep'");
        Assert.Equal(runs, minutes);
        Assert.Equal(0, await ScalarAsync(connectionString, "SELECT count(*) FROM background_runs WHERE job = 'deadline-sweep' AND found > 0"));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture);
    }
}
