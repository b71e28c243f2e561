using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Events;

/// <summary>
/// Cases started by a message, signal or timer belong to the organisation their process names, else the one the host
/// is configured with for the process, else the national office (README, "Cases started by a message, signal or
/// timer"): the reviewers of that organisation's province see their tasks, and those of another province do not.
/// </summary>
public abstract class TriggeredStartOwnerTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private const string Password = Infrastructure.People.Password;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Infrastructure.People.ProvisionAsync(host);
        using var admin = await host.CreateAdminClientAsync();
        using var deployed = await admin.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Events", "triggered-starts.bpmn")));
        Assert.True(deployed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync(Cancel));
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_case_started_by_a_message_belongs_to_the_organisation_its_process_names()
    {
        using var admin = await host.CreateAdminClientAsync();
        using var sent = await admin.PostAsJsonAsync("/api/messages", new { name = "zj-intake-received", businessKey = "2026-ZJ-INTAKE-1" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var caseId = (Guid)(await sent.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["caseId"]!;

        await AssertOwnedAsync(caseId, "ZJ-OFFICE", "ZJ", "zj-reviewer", "js-reviewer");
    }

    [Fact]
    public async Task A_case_started_by_a_signal_belongs_to_the_organisation_the_host_is_configured_with_for_its_process()
    {
        var caseId = await BroadcastAsync("js-year-opened", "Plan");

        await AssertOwnedAsync(caseId, "JS-OFFICE", "JS", "js-reviewer", "zj-reviewer");
    }

    [Fact]
    public async Task A_case_started_by_a_timer_belongs_to_the_organisation_its_process_names()
    {
        using var admin = await host.CreateAdminClientAsync();
        var task = await Eventually.ThatAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/tasks?maxResults=500", Cancel))!.FirstOrDefault(t => (string?)t!["elementId"] == "Inspect"),
            TimeSpan.FromSeconds(30), "the timer start of zj-check to start a case");

        await AssertOwnedAsync((Guid)task!["caseId"]!, "ZJ-OFFICE", "ZJ", "zj-reviewer", "js-reviewer");
    }

    [Fact]
    public async Task A_case_started_by_a_signal_of_a_process_that_names_no_owner_belongs_to_the_national_office()
    {
        var caseId = await BroadcastAsync("national-year-opened", "Announce");

        using var admin = await host.CreateAdminClientAsync();
        var @case = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!;
        Assert.Equal("CNIPA", (string?)@case["organisationCode"]);
        Assert.Equal("CN", (string?)@case["province"]);
        Assert.Equal("CN", (string?)@case["variables"]!["province"]);
        foreach (var reviewer in new[] { "zj-reviewer", "js-reviewer" })
        {
            using var client = await host.CreateClientAsync(reviewer, Password);
            using var read = await client.GetAsync($"/api/cases/{caseId}", Cancel);
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }
    }

    /// <summary>Broadcasts a signal and returns the one case it started, found by its first task.</summary>
    private async Task<Guid> BroadcastAsync(string signal, string taskElement)
    {
        using var admin = await host.CreateAdminClientAsync();
        using var broadcast = await admin.PostAsJsonAsync("/api/signals", new { name = signal }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, broadcast.StatusCode);
        var task = await Eventually.ThatAsync(async () =>
            (await admin.GetFromJsonAsync<JsonArray>("/api/tasks?maxResults=500", Cancel))!.FirstOrDefault(t => (string?)t!["elementId"] == taskElement),
            TimeSpan.FromSeconds(30), $"signal {signal} to start a case");
        return (Guid)task!["caseId"]!;
    }

    private async Task AssertOwnedAsync(Guid caseId, string organisation, string province, string ownReviewer, string otherReviewer)
    {
        using var admin = await host.CreateAdminClientAsync();
        var @case = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", Cancel))!;
        Assert.Equal(organisation, (string?)@case["organisationCode"]);
        Assert.Equal(province, (string?)@case["province"]);
        Assert.Equal(province, (string?)@case["variables"]!["province"]);

        using var own = await host.CreateClientAsync(ownReviewer, Password);
        var task = Assert.Single((await own.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!)!;
        Assert.Equal($"provincial-reviewer:{province}", task["candidateGroups"]!.ToJsonString().Trim('[', ']', '"'));
        using (var claimed = await own.PostAsync($"/api/tasks/{(Guid)task["id"]!}/claim", null, Cancel))
        {
            Assert.True(claimed.IsSuccessStatusCode, await claimed.Content.ReadAsStringAsync(Cancel));
        }

        using var other = await host.CreateClientAsync(otherReviewer, Password);
        Assert.Empty((await other.GetFromJsonAsync<JsonArray>($"/api/tasks?caseId={caseId}", Cancel))!);
        using var read = await other.GetAsync($"/api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}

public sealed class TriggeredStartOwnerTestsOnSqlite(SqliteStartOwnersHostFixture host) : TriggeredStartOwnerTests<SqliteStartOwnersHostFixture>(host);

public sealed class TriggeredStartOwnerTestsOnPostgreSql(PostgresStartOwnersHostFixture host) : TriggeredStartOwnerTests<PostgresStartOwnersHostFixture>(host);
