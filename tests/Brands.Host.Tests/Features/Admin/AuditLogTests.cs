using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Admin;

/// <summary>The audit log (README "Audit log"): every sign-in and every administrative action, read through <c>GET /api/admin/audit</c>.</summary>
public abstract class AuditLogTests<TFixture>(TFixture host) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Infrastructure.People.ProvisionAsync(host);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static async Task<IReadOnlyList<JsonObject>> AuditAsync(HttpClient admin, string query)
    {
        var page = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?{query}", Cancel))!;
        return [.. page["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    [Fact]
    public async Task Every_sign_in_is_recorded_with_the_user_name_the_client_address_and_the_time_whether_it_succeeded_or_not()
    {
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        using var anonymous = host.CreateAnonymousClient();
        using (var failed = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "zj-silk", password = "not-the-password" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var silk = await host.CreateClientAsync("zj-silk", Infrastructure.People.Password);
        using var admin = await host.CreateAdminClientAsync();

        var signIns = await AuditAsync(admin, "user=zj-silk&action=SignIn");

        Assert.Equal(2, signIns.Count);
        Assert.Equal(AuditOutcome.Succeeded, (string?)signIns[0]["outcome"]);
        Assert.StartsWith("failed", (string?)signIns[1]["outcome"], StringComparison.Ordinal);
        Assert.All(signIns, s =>
        {
            Assert.Equal("127.0.0.1", (string?)s["client"]);
            Assert.InRange((DateTimeOffset)s["at"]!, before, TimeProvider.System.GetUtcNow().AddSeconds(1));
        });
    }

    [Fact]
    public async Task An_administrative_action_is_recorded_with_who_did_what_and_a_refused_one_with_the_reason()
    {
        using var admin = await host.CreateAdminClientAsync();
        using (var created = await admin.PostAsJsonAsync("/api/admin/organisations", new { code = "AH-TEA", name = "黄山茶叶有限公司", kind = "enterprise", province = "AH" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var refused = await admin.PostAsJsonAsync("/api/admin/organisations", new { code = "AH-BAD", name = "x", kind = "company", province = "AH" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var actions = await AuditAsync(admin, "action=CreateOrganisation&user=admin");

        var succeeded = Assert.Single(actions, a => ((string?)a["detail"])?.Contains("Code=AH-TEA", StringComparison.Ordinal) == true);
        Assert.Equal(AuditOutcome.Succeeded, (string?)succeeded["outcome"]);
        Assert.Equal("admin", (string?)succeeded["userName"]);
        var refusedEntry = Assert.Single(actions, a => ((string?)a["detail"])?.Contains("Code=AH-BAD", StringComparison.Ordinal) == true);
        Assert.StartsWith("refused 400", (string?)refusedEntry["outcome"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assignment_and_a_completion_on_behalf_of_the_assignee_are_recorded()
    {
        var (_, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-AUDIT-1");
        using var manager = await host.CreateClientAsync("zj-admin", Infrastructure.People.Password);
        using (var assigned = await manager.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "zj-reviewer" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        }

        using var admin = await host.CreateAdminClientAsync();
        using (var completed = await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        var assignment = Assert.Single(await AuditAsync(admin, "action=AssignTask&user=zj-admin"), a => (string?)a["target"] == $"task:{taskId}");
        Assert.Equal(AuditOutcome.Succeeded, (string?)assignment["outcome"]);
        Assert.Contains("UserName=zj-reviewer", (string?)assignment["detail"], StringComparison.Ordinal);
        var completion = Assert.Single(await AuditAsync(admin, "action=CompleteTask&user=admin"), a => (string?)a["target"] == $"task:{taskId}");
        Assert.Equal("zj-reviewer", (string?)completion["onBehalfOf"]);
        Assert.Equal(AuditOutcome.Succeeded, (string?)completion["outcome"]);
    }

    [Fact]
    public async Task A_task_completed_by_its_own_assignee_is_not_an_administrative_action()
    {
        var (_, taskId) = await Infrastructure.People.StartReviewAsync(host, "zj-tea", "2026-ZJ-AUDIT-2");
        using var reviewer = await host.CreateClientAsync("zj-reviewer2", Infrastructure.People.Password);
        using (var completed = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        using var admin = await host.CreateAdminClientAsync();
        Assert.DoesNotContain(await AuditAsync(admin, "action=CompleteTask&pageSize=500"), a => (string?)a["target"] == $"task:{taskId}");
    }

    [Fact]
    public async Task The_log_pages_newest_first_and_filters_by_time()
    {
        using var admin = await host.CreateAdminClientAsync();
        var later = TimeProvider.System.GetUtcNow().AddMinutes(5);

        // Sign-ins only: reading the log is itself an administrative action, recorded between the two reads.
        var first = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignIn&pageSize=1", Cancel))!;
        var second = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignIn&pageSize=1&page=2", Cancel))!;
        var future = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?from={Uri.EscapeDataString(later.ToString("O"))}", Cancel))!;

        Assert.True((int)first["total"]! >= 2);
        Assert.Equal((int)first["total"]!, (int)second["total"]!);
        Assert.True((long)first["items"]![0]!["id"]! > (long)second["items"]![0]!["id"]!);
        Assert.Equal(0, (int)future["total"]!);
        Assert.Empty(future["items"]!.AsArray());
        using var bad = await admin.GetAsync("/api/admin/audit?pageSize=0", Cancel);
        Assert.NotNull((await bad.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["pageSize"]);
    }

    [Theory]
    [InlineData("js-admin")]
    [InlineData("zj-reviewer")]
    public async Task Only_national_administrators_read_the_audit_log(string userName)
    {
        using var client = await host.CreateClientAsync(userName, Infrastructure.People.Password);

        using var response = await client.GetAsync("/api/admin/audit", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>The outcome text of an action that went through.</summary>
public static class AuditOutcome
{
    public const string Succeeded = "succeeded";
}

public sealed class AuditLogTestsOnSqlite(SqliteHostFixture host) : AuditLogTests<SqliteHostFixture>(host);

public sealed class AuditLogTestsOnPostgreSql(PostgresHostFixture host) : AuditLogTests<PostgresHostFixture>(host);
