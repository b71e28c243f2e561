using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Brands.Host.Tests.Features.Admin;

/// <summary>The node's job executor runs async service tasks; a failing one becomes an incident an administrator retries.</summary>
public abstract class IncidentRetryTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_job_executor_runs_an_async_service_task_and_a_failing_one_becomes_an_incident_that_retry_resolves()
    {
        var handler = host.Factory.Services.GetRequiredService<SwitchableServiceTaskHandler>();
        handler.Failing = true;
        using var client = await host.CreateAdminClientAsync();
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Admin", "service-task-with-retry.bpmn"));
        using (var deployed = await client.DeployAsync(xml))
        {
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using var started = await client.PostAsJsonAsync("/api/cases", new { definitionKey = "service-with-retry" }, TestContext.Current.CancellationToken);
        var caseId = (Guid)(await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;

        var incident = await EventuallyAsync(async () =>
            (await client.GetFromJsonAsync<JsonArray>("/api/admin/incidents", TestContext.Current.CancellationToken))!
                .SingleOrDefault(i => (Guid)i!["caseId"]! == caseId));
        Assert.Equal("CallService", (string?)incident["elementId"]);
        Assert.Contains("switched to fail", (string?)incident["message"], StringComparison.Ordinal);
        Assert.Equal("active", (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken))!["status"]);

        handler.Failing = false;
        using (var retried = await client.PostAsync($"/api/admin/jobs/{(Guid)incident["jobId"]!}/retry", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        }

        var finished = await EventuallyAsync(async () =>
            await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken) is { } c
            && (string?)c["status"] == "completed" ? c : null);
        Assert.Equal("switchable", (string?)finished["variables"]!["handledBy"]);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonArray>("/api/admin/incidents", TestContext.Current.CancellationToken))!,
            i => (Guid)i!["caseId"]! == caseId);
    }

    [Fact]
    public async Task Retrying_a_job_that_does_not_exist_is_a_404_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        using var response = await client.PostAsync($"/api/admin/jobs/{Guid.NewGuid()}/retry", null, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing after {Patience}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class IncidentRetryTestsOnSqlite(SqliteHostFixture host) : IncidentRetryTests<SqliteHostFixture>(host);

public sealed class IncidentRetryTestsOnPostgreSql(PostgresHostFixture host) : IncidentRetryTests<PostgresHostFixture>(host);
