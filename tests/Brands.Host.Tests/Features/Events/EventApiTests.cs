using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Events;

/// <summary>
/// What a newcomer does with the API: deploy a process with a deadline boundary timer, a message catch and a signal
/// catch, and watch each fire — the timer through the host's own job executor.
/// </summary>
public abstract class EventApiTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Tour => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Events", "deadline-message-signal.bpmn"));

    [Fact]
    public async Task A_deadline_fires_by_itself_then_a_message_and_a_signal_move_the_case_to_its_end()
    {
        using var client = await host.CreateAdminClientAsync();
        using (var deployed = await client.DeployAsync(Tour))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        var caseId = await StartAsync(client, "2026-ENT-ZJ-0042", "PT1S");
        var other = await StartAsync(client, "2026-ENT-JS-0007", "P30D");
        Assert.Equal(["submit"], await ActiveAsync(client, caseId));

        // The one-second deadline is fired by the job executor; nobody calls anything.
        await WaitUntilAsync(client, caseId, ["supplement"]);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!);

        using (var correlated = await client.PostAsJsonAsync("/api/messages",
            new { name = "supplement-received", businessKey = "2026-ENT-ZJ-0042", variables = new { pages = 12 } }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, correlated.StatusCode);
            Assert.Equal(caseId, (Guid)(await correlated.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["caseId"]!);
        }

        Assert.Equal(["yearClosed"], await ActiveAsync(client, caseId));
        using (var broadcast = await client.PostAsJsonAsync("/api/signals", new { name = "year-closed" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, broadcast.StatusCode);
            Assert.Equal(1, (int)(await broadcast.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["receivers"]!);
        }

        await WaitUntilAsync(client, caseId, []);
        var finished = (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!;
        Assert.Equal("completed", (string?)finished["status"]);
        Assert.Equal(12, (int)finished["variables"]!["pages"]!);
        var history = (await client.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/history", Cancel))!.Select(h => (string)h!["kind"]!).ToList();
        Assert.Contains("timer-fired", history);
        Assert.Contains("message-correlated", history);
        Assert.Contains("signal-received", history);
        Assert.Equal(["submit"], await ActiveAsync(client, other));
    }

    [Fact]
    public async Task A_message_nobody_waits_for_is_404_one_matching_two_cases_is_409_with_both_and_one_without_a_name_is_400()
    {
        using var client = await host.CreateAdminClientAsync();
        var xml = Tour.Replace("id=\"events-tour\"", "id=\"events-ambiguous\"", StringComparison.Ordinal)
            .Replace("supplement-received", "ambiguous-supplement", StringComparison.Ordinal)
            .Replace("year-closed", "ambiguous-year-closed", StringComparison.Ordinal);
        using (var deployed = await client.DeployAsync(xml))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        var first = await StartAsync(client, "A-1", "PT0S", "events-ambiguous");
        var second = await StartAsync(client, "A-2", "PT0S", "events-ambiguous");
        await WaitUntilAsync(client, first, ["supplement"]);
        await WaitUntilAsync(client, second, ["supplement"]);

        using (var nobody = await client.PostAsJsonAsync("/api/messages", new { name = "nobody-waits" }, Cancel))
        {
            Assert.Contains("nobody-waits", (string?)(await nobody.AssertProblemAsync(HttpStatusCode.NotFound))["detail"], StringComparison.Ordinal);
        }

        using (var ambiguous = await client.PostAsJsonAsync("/api/messages", new { name = "ambiguous-supplement" }, Cancel))
        {
            var problem = await ambiguous.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(new[] { first, second }.Order(), problem["caseIds"]!.AsArray().Select(id => (Guid)id!).Order());
        }

        using (var nameless = await client.PostAsJsonAsync("/api/messages", new { businessKey = "A-1" }, Cancel))
        {
            var problem = await nameless.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["name"]);
        }

        using (var silence = await client.PostAsJsonAsync("/api/signals", new { name = "nobody-listens" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, silence.StatusCode);
            Assert.Equal(0, (int)(await silence.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["receivers"]!);
        }

        Assert.Equal(["supplement"], await ActiveAsync(client, first));
    }

    private static async Task<Guid> StartAsync(HttpClient client, string businessKey, string deadline, string key = "events-tour")
    {
        using var started = await client.PostAsJsonAsync("/api/cases",
            new { definitionKey = key, businessKey, variables = new { deadline } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!;
    }

    private static async Task<string[]> ActiveAsync(HttpClient client, Guid caseId) =>
        [.. (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!["activeElementIds"]!.AsArray().Select(e => (string)e!).Order()];

    /// <summary>Polls the case until it waits exactly at <paramref name="expected"/>; the job executor runs on its own schedule.</summary>
    private static async Task WaitUntilAsync(HttpClient client, Guid caseId, string[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] active;
        while (!(active = await ActiveAsync(client, caseId)).SequenceEqual(expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Equal(expected, active);
    }
}

public sealed class EventApiTestsOnSqlite(SqliteHostFixture host) : EventApiTests<SqliteHostFixture>(host);

public sealed class EventApiTestsOnPostgreSql(PostgresHostFixture host) : EventApiTests<PostgresHostFixture>(host);
