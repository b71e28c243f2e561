using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Admin;

/// <summary>An administrator sees a case's timers and jobs, filters them, and cancels a reminder.</summary>
public abstract class JobAdministrationTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid CaseId)> StartCaseWithTimersAsync()
    {
        var client = await host.CreateAdminClientAsync();
        using (var deployed = await client.DeployAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Admin", "task-with-deadline-and-reminder.bpmn"))))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(Cancel));
        }

        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = "task-with-deadline-and-reminder" }, Cancel);
        return (client, (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!);
    }

    [Fact]
    public async Task The_timers_of_a_case_say_which_element_is_due_when_and_the_job_states_filter_them()
    {
        var (client, caseId) = await StartCaseWithTimersAsync();
        using var _ = client;
        var before = TimeProvider.System.GetUtcNow();

        var timers = (await client.GetFromJsonAsync<JsonArray>($"/api/admin/timers?caseId={caseId}", Cancel))!;

        Assert.Equal(["reminder", "deadline"], timers.Select(t => (string)t!["elementId"]!));
        Assert.All(timers, t => Assert.Equal(caseId, (Guid)t!["caseId"]!));
        var deadlineDue = DateTimeOffset.Parse((string)timers[1]!["dueAt"]!, CultureInfo.InvariantCulture);
        Assert.InRange(deadlineDue, before.AddDays(14).AddMinutes(-5), before.AddDays(14).AddMinutes(5));
        Assert.Equal("P14D", (string?)timers[1]!["value"]);

        var scheduled = (await client.GetFromJsonAsync<JsonArray>($"/api/admin/jobs?state=scheduled&caseId={caseId}", Cancel))!;
        Assert.Equal(2, scheduled.Count);
        Assert.All(scheduled, j => Assert.Equal("scheduled", (string?)j!["state"]));
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/admin/jobs?state=due&caseId={caseId}", Cancel))!);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>($"/api/admin/jobs?state=failed&caseId={caseId}", Cancel))!);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonArray>($"/api/admin/jobs?kind=timer&caseId={caseId}", Cancel))!.Count);
    }

    [Fact]
    public async Task Cancelling_a_reminder_removes_it_and_leaves_the_deadline()
    {
        var (client, caseId) = await StartCaseWithTimersAsync();
        using var _ = client;
        var reminder = (await client.GetFromJsonAsync<JsonArray>($"/api/admin/timers?caseId={caseId}", Cancel))!
            .Single(t => (string)t!["elementId"]! == "reminder")!;

        using (var cancelled = await client.PostAsync($"/api/admin/jobs/{(Guid)reminder["jobId"]!}/cancel", null, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        }

        Assert.Equal(["deadline"], (await client.GetFromJsonAsync<JsonArray>($"/api/admin/timers?caseId={caseId}", Cancel))!.Select(t => (string)t!["elementId"]!));
        Assert.Contains((await client.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/history", Cancel))!, h => (string?)h!["kind"] == "timer-cancelled");
        using var again = await client.PostAsync($"/api/admin/jobs/{(Guid)reminder["jobId"]!}/cancel", null, Cancel);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/admin/jobs?state=sleeping", "state")]
    [InlineData("/api/admin/jobs?max=0", "max")]
    [InlineData("/api/admin/timers?max=5000", "max")]
    public async Task A_bad_filter_is_a_400_naming_it(string path, string field)
    {
        using var client = await host.CreateAdminClientAsync();
        using var response = await client.GetAsync(path, Cancel);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Jobs_timers_and_calendars_are_in_the_OpenAPI_document_and_for_administrators_only()
    {
        using var anonymous = host.CreateAnonymousClient();
        var document = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Cancel))!["paths"]!.AsObject();
        Assert.Contains("/api/admin/jobs", document.Select(p => p.Key));
        Assert.Contains("/api/admin/timers", document.Select(p => p.Key));
        Assert.Contains("/api/admin/jobs/{id}/cancel", document.Select(p => p.Key));
        Assert.Contains("/api/admin/calendars/{year}", document.Select(p => p.Key));

        await host.CreateUserAsync("job-reader", "Reader-Pass-1!");
        using var user = await host.CreateClientAsync("job-reader", "Reader-Pass-1!");
        using var response = await user.GetAsync("/api/admin/jobs", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class JobAdministrationTestsOnSqlite(SqliteHostFixture host) : JobAdministrationTests<SqliteHostFixture>(host);

public sealed class JobAdministrationTestsOnPostgreSql(PostgresHostFixture host) : JobAdministrationTests<PostgresHostFixture>(host);
