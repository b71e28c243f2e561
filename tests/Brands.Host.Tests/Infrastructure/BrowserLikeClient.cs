using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>A client over real HTTP that keeps cookies as a browser does, signed in with the cookie (as the pages are).</summary>
public static class BrowserLikeClient
{
    public static async Task<HttpClient> SignInAsync(HostFixture host, string userName, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.BaseAddress,
        };
        using var signedIn = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password });
        Assert.True(signedIn.IsSuccessStatusCode, $"Signing in as {userName}: {(int)signedIn.StatusCode}");
        return client;
    }
}
