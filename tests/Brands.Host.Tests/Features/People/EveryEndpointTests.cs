using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.People;

/// <summary>
/// Users of another province and of another applicant call every operation of the OpenAPI document (so a new
/// endpoint is covered the day it appears) with the ids of a Zhejiang applicant's case and task: each answer is a
/// refusal, or carries nothing of that case, and the case and its task are unchanged afterwards.
/// </summary>
public abstract class EveryEndpointTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private const string BusinessKey = "2026-ZJ-SECRET-0001";
    private const string SecretFileName = "浙江机密材料.pdf";

    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("js-reviewer")]
    [InlineData("js-admin")]
    [InlineData("zj-silk")]
    [InlineData("js-rice")]
    public async Task A_user_who_may_not_see_the_case_learns_nothing_of_it_and_changes_nothing_through_any_endpoint(string intruder)
    {
        var (caseId, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", BusinessKey + intruder);
        using var owner = await host.CreateClientAsync("zj-tea", Infrastructure.People.Password);
        using (var attached = await owner.PostAsync($"/api/cases/{caseId}/documents",
            SampleFiles.Upload(SampleFiles.Pdf(), SecretFileName), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        var documentsBefore = await owner.GetStringAsync($"/api/cases/{caseId}/documents", TestContext.Current.CancellationToken);
        var documentId = (string)JsonNode.Parse(documentsBefore)!.AsArray()[0]!["id"]!;
        var caseBefore = await owner.GetStringAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken);
        var historyBefore = await owner.GetStringAsync($"/api/cases/{caseId}/history", TestContext.Current.CancellationToken);
        var secrets = new[] { caseId.ToString(), taskId.ToString(), BusinessKey, documentId, SecretFileName };

        using var client = await host.CreateClientAsync(intruder, Infrastructure.People.Password);
        var operations = await OperationsAsync();
        Assert.Contains(operations, o => o.Path == "/api/cases/{id}" && o.Method == HttpMethod.Get);
        Assert.Contains(operations, o => o.Path == "/api/tasks/{id}/assign" && o.Method == HttpMethod.Post);
        Assert.Contains(operations, o => o.Path == "/api/documents/{id}" && o.Method == HttpMethod.Get);
        Assert.Contains(operations, o => o.Path == "/api/cases/{id}/documents" && o.Method == HttpMethod.Post);
        Assert.Contains(operations, o => o.Path == "/api/tasks/{id}/documents" && o.Method == HttpMethod.Post);
        Assert.Contains(operations, o => o.Path == "/api/cases/{id}/view" && o.Method == HttpMethod.Get);
        Assert.Contains(operations, o => o.Path == "/api/admin/outbox/{id}/resend" && o.Method == HttpMethod.Post);
        Assert.Contains(operations, o => o.Path == "/api/me/notifications" && o.Method == HttpMethod.Put);
        Assert.Contains(operations, o => o.Path == "/api/definitions/{id}/migration-plan" && o.Method == HttpMethod.Get);
        Assert.Contains(operations, o => o.Path == "/api/definitions/{id}/migrations" && o.Method == HttpMethod.Post);
        var report = new List<string>();
        foreach (var (method, path) in operations)
        {
            var id = path.StartsWith("/api/tasks", StringComparison.Ordinal) ? taskId.ToString()
                : path.StartsWith("/api/documents", StringComparison.Ordinal) ? documentId
                : path.StartsWith("/api/definitions", StringComparison.Ordinal) ? "provincial-review:1"
                : caseId.ToString();
            var url = path.Replace("{id}", id, StringComparison.Ordinal)
                .Replace("{key}", "provincial-review", StringComparison.Ordinal)
                + (path.EndsWith("/migration-plan", StringComparison.Ordinal) ? "?target=provincial-review:1" : "");
            using var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get)
            {
                request.Content = Body(path, intruder, caseId);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var code = (int)response.StatusCode;
            report.Add($"{method} {url} → {code}");
            Assert.True(code < 500, $"{method} {url} failed with {code}: {text}");
            if (path == "/api/auth/login")
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else if (code is >= 200 and < 300)
            {
                Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
            else if (path.Contains("{id}", StringComparison.Ordinal) && !path.StartsWith("/api/admin", StringComparison.Ordinal)
                && !path.StartsWith("/api/definitions", StringComparison.Ordinal))
            {
                Assert.True(code == 404, $"{method} {url}: expected 404 for a case or task the user may not see, got {code}: {text}");
            }
            else
            {
                Assert.True(code is 400 or 403 or 404 or 405 or 409 or 415, $"{method} {url}: {code}: {text}");
            }
        }

        Assert.Equal(caseBefore, await owner.GetStringAsync($"/api/cases/{caseId}", TestContext.Current.CancellationToken));
        Assert.Equal(historyBefore, await owner.GetStringAsync($"/api/cases/{caseId}/history", TestContext.Current.CancellationToken));
        Assert.Equal(documentsBefore, await owner.GetStringAsync($"/api/cases/{caseId}/documents", TestContext.Current.CancellationToken));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, report));
    }

    private async Task<IReadOnlyList<(HttpMethod Method, string Path)>> OperationsAsync()
    {
        using var anonymous = host.CreateAnonymousClient();
        var document = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        return [.. document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (new HttpMethod(operation.Key.ToUpperInvariant()), path.Key)))];
    }

    /// <summary>A plausible body for each kind of call: the intruder tries to act, not to send nonsense.</summary>
    private static HttpContent Body(string path, string intruder, Guid caseId)
    {
        if (path == "/api/definitions/{id}/migrations")
        {
            // Moving the case to another version (here: the one it is on) is an administrator's action.
            var migration = new JsonObject { ["targetDefinitionId"] = "provincial-review:1", ["caseIds"] = new JsonArray(caseId.ToString()) };
            return new StringContent(migration.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (path.EndsWith("/documents", StringComparison.Ordinal))
        {
            return SampleFiles.Upload(SampleFiles.Pdf(), $"planted-by-{intruder}.pdf");
        }

        if (path.StartsWith("/api/definitions", StringComparison.Ordinal))
        {
            return new StringContent(Api.Bpmn("approval.bpmn"), Encoding.UTF8, "application/xml");
        }

        JsonObject body = path switch
        {
            "/api/tasks/{id}/assign" => new() { ["userName"] = intruder },
            "/api/tasks/{id}/complete" => new() { ["variables"] = new JsonObject { ["approved"] = true } },
            "/api/cases" => new() { ["definitionKey"] = "provincial-review", ["organisationCode"] = "ZJ-TEA" },
            // Not the case owner's account: a failed sign-in for it would slow down the owner's next one from this client.
            "/api/auth/login" => new() { ["userName"] = $"nobody-{intruder}", ["password"] = "not-the-password" },
            "/api/admin/users" => new() { ["userName"] = "planted", ["password"] = Infrastructure.People.Password, ["organisationCode"] = "ZJ-TEA", ["roles"] = new JsonArray("applicant") },
            "/api/admin/organisations" => new() { ["code"] = "PLANTED", ["name"] = "planted", ["kind"] = "enterprise", ["province"] = "ZJ" },
            _ => [],
        };
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }
}

public sealed class EveryEndpointTestsOnSqlite(SqliteHostFixture host) : EveryEndpointTests<SqliteHostFixture>(host);

public sealed class EveryEndpointTestsOnPostgreSql(PostgresHostFixture host) : EveryEndpointTests<PostgresHostFixture>(host);
