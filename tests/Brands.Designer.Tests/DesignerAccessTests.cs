using System.Net;
using System.Net.Http.Json;
using Brands.Designer.Tests.Infrastructure;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>/designer is for administrators: anonymous visitors are sent to sign in, other users are refused.</summary>
[Collection(DesignerCollection.Name)]
public sealed class DesignerAccessTests(DesignerFixture fixture)
{
    /// <summary>A browser-like client over real HTTP: keeps cookies, shows redirects instead of following them.</summary>
    private HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = fixture.BaseAddress };

    [Fact]
    public async Task The_address_the_host_announces_is_the_sign_in_page_and_an_administrator_finds_the_designer_from_the_inbox()
    {
        using var client = CreateClient();

        using var root = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains("id=\"sign-in-form\"", await root.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using (var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "admin", password = DesignerHost.AdminPassword }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using var signedIn = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/inbox", signedIn.Headers.Location?.OriginalString);
        using var inbox = await client.GetAsync("/inbox", TestContext.Current.CancellationToken);
        Assert.Contains("href=\"/designer\"", await inbox.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("/designer", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/designer/sign-in?returnUrl=%2Fdesigner", response.Headers.Location?.OriginalString);
        using var signIn = await client.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("/designer/assets/", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_who_is_not_an_administrator_is_refused()
    {
        // A provincial reviewer, provisioned through the administration API as an administrator would.
        using (var admin = CreateClient())
        {
            using (var signedIn = await admin.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "admin", password = DesignerHost.AdminPassword }, TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            }

            using (var organisation = await admin.PostAsJsonAsync("/api/admin/organisations",
                new { code = "ZJ-AMR", name = "浙江省市场监督管理局", kind = "provincial-office", province = "ZJ" }, TestContext.Current.CancellationToken))
            {
                Assert.True(organisation.IsSuccessStatusCode, await organisation.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }

            using var user = await admin.PostAsJsonAsync("/api/admin/users", new
            {
                userName = "clerk", password = "Clerk-Pass-1!", displayName = "王芳", email = "clerk@example.cn",
                organisationCode = "ZJ-AMR", roles = new[] { "provincial-reviewer" },
            }, TestContext.Current.CancellationToken);
            Assert.True(user.IsSuccessStatusCode, await user.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using var client = CreateClient();
        using (var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "clerk", password = "Clerk-Pass-1!" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using var response = await client.GetAsync("/designer", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("/designer/assets/", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_signed_in_with_a_cookie_gets_the_designer_page()
    {
        using var client = CreateClient();
        using (var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "admin", password = DesignerHost.AdminPassword }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        using var response = await client.GetAsync("/designer", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("id=\"canvas\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_pages_are_not_reachable_as_static_files()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("/designer/assets/../designer.html", TestContext.Current.CancellationToken);
        using var direct = await client.GetAsync("/designer/designer.html", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, direct.StatusCode);
    }
}
