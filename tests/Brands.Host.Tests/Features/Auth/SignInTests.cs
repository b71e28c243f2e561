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
    public async Task A_stranger_failing_again_and_again_is_slowed_down_but_the_account_owner_signs_in_from_elsewhere_at_once()
    {
        await host.CreateUserAsync("targeted", "Targeted-1!");
        using var stranger = host.CreateAnonymousClient();
        stranger.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var wrong = await stranger.PostAsJsonAsync("/api/auth/login", new { userName = "targeted", password = "guess" }, TestContext.Current.CancellationToken);
            statuses.Add(wrong.StatusCode);
        }

        // Three free failures for the pair, then the stranger must wait before each further attempt.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.All(statuses.Skip(3), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));

        using var owner = host.CreateAnonymousClient();
        owner.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        using var right = await owner.PostAsJsonAsync("/api/auth/login", new { userName = "targeted", password = "Targeted-1!" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task A_client_guessing_across_many_accounts_is_slowed_down_after_ten_failures()
    {
        using var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.88");
        for (var account = 0; account < 10; account++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = $"sprayed-{account}", password = "Spring2026!" }, TestContext.Current.CancellationToken);
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var eleventh = await client.PostAsJsonAsync("/api/auth/login", new { userName = "sprayed-10", password = "Spring2026!" }, TestContext.Current.CancellationToken);

        await eleventh.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(eleventh.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_wait_after_repeated_failures_is_announced_and_grows_and_the_password_is_not_even_checked_meanwhile()
    {
        await host.CreateUserAsync("forgetful", "Forgetful-1!");
        using var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "guess" }, TestContext.Current.CancellationToken);
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var early = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "Forgetful-1!" }, TestContext.Current.CancellationToken))
        {
            var problem = await early.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(1), early.Headers.RetryAfter?.Delta);
            Assert.Contains("try again in 1 s", (string?)problem["detail"], StringComparison.Ordinal);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);
        using (var fourth = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "guess" }, TestContext.Current.CancellationToken))
        {
            await fourth.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using (var early = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "Forgetful-1!" }, TestContext.Current.CancellationToken))
        {
            await early.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(2), early.Headers.RetryAfter?.Delta);
        }

        await Task.Delay(TimeSpan.FromSeconds(2.1), TestContext.Current.CancellationToken);
        using var right = await client.PostAsJsonAsync("/api/auth/login", new { userName = "forgetful", password = "Forgetful-1!" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }
}

public sealed class SignInTestsOnSqlite(SqliteHostFixture host) : SignInTests<SqliteHostFixture>(host);

public sealed class SignInTestsOnPostgreSql(PostgresHostFixture host) : SignInTests<PostgresHostFixture>(host);
