using System.Net;
using System.Net.Http.Json;
using Brands.Host.Tests.Infrastructure;
using Xunit;

namespace Brands.Host.Tests.Features.Background;

/// <summary>The Hangfire Dashboard at /hangfire: national administrators see the recurring jobs; everyone else is turned away.</summary>
public abstract class DashboardAccessTests<TFixture>(TFixture host) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_with_a_bearer_token_sees_the_recurring_jobs_of_a_freshly_started_host()
    {
        using var admin = await host.CreateAdminClientAsync();

        using var response = await admin.GetAsync("/hangfire/recurring", Cancel);

        var page = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("deadline-sweep", page, StringComparison.Ordinal);
        Assert.Contains("history-retention", page, StringComparison.Ordinal);
        Assert.Contains("30 2 * * *", page, StringComparison.Ordinal);
        Assert.Contains("outbox-dispatch", page, StringComparison.Ordinal);
        Assert.Contains("mail-digest", page, StringComparison.Ordinal);
        Assert.Contains("0 8 * * *", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_signed_in_with_a_cookie_opens_the_dashboard()
    {
        using var browser = host.CreateAnonymousClient();
        using (var signedIn = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { userName = "admin", password = BrandsHostFactory.AdminPassword }, Cancel))
        {
            Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync(Cancel));
        }

        using var response = await browser.GetAsync("/hangfire", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/stats")]
    public async Task An_anonymous_visitor_is_refused_with_401(string path)
    {
        using var anonymous = host.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("deadline-sweep", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_is_not_a_national_administrator_is_refused_with_403_by_bearer_token_and_by_cookie()
    {
        await host.CreateUserAsync("dashboard-reviewer", "Reviewer-Pass-1!", "national-reviewer");
        using var bearer = await host.CreateClientAsync("dashboard-reviewer", "Reviewer-Pass-1!");
        using var byToken = await bearer.GetAsync("/hangfire/recurring", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        Assert.DoesNotContain("deadline-sweep", await byToken.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var browser = host.CreateAnonymousClient();
        using (var signedIn = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { userName = "dashboard-reviewer", password = "Reviewer-Pass-1!" }, Cancel))
        {
            Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync(Cancel));
        }

        using var byCookie = await browser.GetAsync("/hangfire", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, byCookie.StatusCode);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused_with_401()
    {
        using var forged = host.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-token-issued-here");

        using var response = await forged.GetAsync("/hangfire/recurring", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class DashboardAccessTestsOnSqlite(SqliteHostFixture host) : DashboardAccessTests<SqliteHostFixture>(host);

public sealed class DashboardAccessTestsOnPostgreSql(PostgresHostFixture host) : DashboardAccessTests<PostgresHostFixture>(host);
