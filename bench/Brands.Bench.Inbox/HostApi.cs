using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Brands.Bench.Inbox;

/// <summary>The host's API as the benchmark uses it: sign-in (bearer or cookie) and the provisioning calls.</summary>
internal sealed class HostApi(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _anonymous = new() { BaseAddress = baseUrl };

    public Uri BaseUrl { get; } = baseUrl;

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await _anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{BaseUrl} did not become ready within {timeout}.");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>A client carrying a bearer token of the user.</summary>
    public async Task<HttpClient> SignInWithTokenAsync(string userName, string password)
    {
        using var response = await _anonymous.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password });
        await EnsureAsync(response, $"sign in as {userName}");
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client carrying the sign-in cookie of the user, as a browser would.</summary>
    public async Task<HttpClient> SignInWithCookieAsync(string userName, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login?useCookies=true", UriKind.Relative), new { userName, password });
        await EnsureAsync(response, $"sign in as {userName} with a cookie");
        return client;
    }

    /// <summary>POSTs JSON; a 409 (already there from an earlier run on the same database) counts as done.</summary>
    public static async Task<JsonObject?> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await EnsureAsync(response, $"POST {path}");
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    public static async Task DeployAsync(HttpClient client, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        using var response = await client.PostAsync(new Uri("/api/definitions", UriKind.Relative), content);
        await EnsureAsync(response, "deploy review.bpmn");
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body}");
        }
    }

    public void Dispose() => _anonymous.Dispose();
}
