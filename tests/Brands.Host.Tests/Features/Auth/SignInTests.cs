using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Auth;

public abstract class SignInTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Signing_in_with_the_right_password_returns_a_bearer_token_that_opens_the_api()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = BrandsHostFactory.AdminPassword }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"];
        Assert.False(string.IsNullOrEmpty(token));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var definitions = await client.GetAsync("/api/definitions", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, definitions.StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_is_refused_with_a_401_problem()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "wrong-password" }, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong user name or password.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_a_401_problem()
    {
        using var client = host.CreateAnonymousClient();
        using var response = await client.GetAsync("/api/tasks", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_request_with_a_forged_token_is_refused_with_a_401_problem()
    {
        using var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token-this-host-issued");
        using var response = await client.GetAsync("/api/tasks", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_without_the_admin_role_may_not_deploy_definitions()
    {
        await host.CreateUserAsync("reviewer", "Reviewer-1!", "national-reviewer");
        using var client = await host.CreateClientAsync("reviewer", "Reviewer-1!");
        using var response = await client.DeployAsync(Api.Bpmn("approval.bpmn"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        await host.CreateUserAsync("forgetful", "Forgetful-1!");
        using var client = host.CreateAnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "guess" }, TestContext.Current.CancellationToken);
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var right = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "Forgetful-1!" }, TestContext.Current.CancellationToken);
        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

public sealed class SignInTestsOnSqlite(SqliteHostFixture host) : SignInTests<SqliteHostFixture>(host);

public sealed class SignInTestsOnPostgreSql(PostgresHostFixture host) : SignInTests<PostgresHostFixture>(host);
