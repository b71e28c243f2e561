using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Definitions;

/// <summary>Every bad input gets a clear 4xx problem and leaves every table as it was.</summary>
public abstract class RefusedInputTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Malformed_xml_is_refused_with_the_line_of_the_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.DeployAsync(Api.Bpmn("malformed.bpmn"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.BpmnErrors());
        Assert.NotNull(error.Line);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_dtd_with_entity_expansion_is_refused_quickly_without_expanding_it()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();
        var clock = Stopwatch.StartNew();

        using var response = await client.DeployAsync(Api.Bpmn("billion-laughs.bpmn"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.BpmnErrors());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_50_MB_upload_is_refused_with_413_before_its_body_is_sent()
    {
        using var admin = await host.CreateAdminClientAsync();
        // Wait as long as it takes for the server's answer to "Expect: 100-continue" instead of the default second.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = host.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var before = await host.CountRowsAsync();
        const long fiftyMegabytes = 50L * 1024 * 1024;
        var body = new GeneratedStream(fiftyMegabytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions") { Content = new StreamContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        request.Content.Headers.ContentLength = fiftyMegabytes;
        request.Headers.ExpectContinue = true;
        var clock = Stopwatch.StartNew();

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(body.BytesRead < 6 * 1024 * 1024, $"the client sent {body.BytesRead} bytes");
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_gateway_without_an_outgoing_flow_is_refused_naming_the_gateway_and_its_line()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.DeployAsync(Api.Bpmn("gateway-without-outgoing-flow.bpmn"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.BpmnErrors(), e => e.ElementId == "Decide" && e.Line == 7);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_condition_that_does_not_parse_is_refused_naming_the_flow_and_its_line()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.DeployAsync(Api.Bpmn("condition-that-does-not-parse.bpmn"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.BpmnErrors(), e => e.ElementId == "Flow_broken" && e.Line is 9 or 10);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task A_service_task_whose_topic_has_no_handler_is_refused_naming_the_task_and_its_line()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.DeployAsync(Api.Bpmn("unknown-topic.bpmn"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.BpmnErrors(), e => e.ElementId == "Notify" && e.Line == 8 && e.Message.Contains("no-such-topic", StringComparison.Ordinal));
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Starting_a_case_of_an_unknown_definition_key_is_a_404_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.PostAsJsonAsync("/api/cases", new { definitionKey = "no-such-process" }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-process", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Starting_a_case_without_a_definition_key_is_a_400_problem_naming_the_field()
    {
        using var client = await host.CreateAdminClientAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.PostJsonTextAsync("/api/cases", """{"businessKey":"2025-ENT-ZJ-0001"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["definitionKey"]);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Completing_a_task_twice_is_a_409_problem_the_second_time()
    {
        using var client = await host.CreateAdminClientAsync();
        var (_, taskId) = await client.StartApprovalCaseAsync();
        using (var first = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        var before = await host.CountRowsAsync();

        using var second = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = false } }, TestContext.Current.CancellationToken);

        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await host.CountRowsAsync());
    }

    [Fact]
    public async Task Of_two_clients_completing_one_task_at_once_exactly_one_wins_and_the_other_gets_409()
    {
        await host.CreateUserAsync("clerk", "Clerk-Password-1!", HostFixture.AdminRole);
        using var admin = await host.CreateAdminClientAsync();
        using var clerk = await host.CreateClientAsync("clerk", "Clerk-Password-1!");
        var (caseId, taskId) = await admin.StartApprovalCaseAsync();

        var answers = await Task.WhenAll(
            admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { decidedBy = "admin" } }, TestContext.Current.CancellationToken),
            clerk.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { decidedBy = "clerk" } }, TestContext.Current.CancellationToken));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        await loser.AssertProblemAsync(HttpStatusCode.Conflict);
        var finished = await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/cases/{caseId}", TestContext.Current.CancellationToken);
        Assert.Equal("completed", (string?)finished!["status"]);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("""{"variables": [1, 2, 3]}""")]
    [InlineData("""{"variables": "approved"}""")]
    [InlineData("""{"variables": {"approved": tru}}""")]
    public async Task Completing_a_task_with_variables_that_are_not_a_json_object_is_a_400_problem(string body)
    {
        using var client = await host.CreateAdminClientAsync();
        var (caseId, taskId) = await client.StartApprovalCaseAsync();
        var before = await host.CountRowsAsync();

        using var response = await client.PostJsonTextAsync($"/api/tasks/{taskId}/complete", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Equal(before, await host.CountRowsAsync());
        var stillOpen = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/tasks?caseId={caseId}", TestContext.Current.CancellationToken);
        Assert.Single(stillOpen!);
    }

    [Fact]
    public async Task Starting_a_case_with_variables_that_are_not_an_object_is_a_400_problem()
    {
        using var client = await host.CreateAdminClientAsync();
        using (var deployed = await client.DeployAsync(Api.Bpmn("approval.bpmn")))
        {
            Assert.True(deployed.IsSuccessStatusCode);
        }

        var before = await host.CountRowsAsync();

        using var response = await client.PostJsonTextAsync("/api/cases", """{"definitionKey":"approval","variables":"approved"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("variables", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await host.CountRowsAsync());
    }
}

public sealed class RefusedInputTestsOnSqlite(SqliteHostFixture host) : RefusedInputTests<SqliteHostFixture>(host);

public sealed class RefusedInputTestsOnPostgreSql(PostgresHostFixture host) : RefusedInputTests<PostgresHostFixture>(host);
