using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>
/// A browser-like client of the web app over real HTTP: keeps cookies, does not follow redirects (so a test sees
/// where a page sends it), and posts forms with the antiforgery token of the last page it read, as a browser does.
/// </summary>
public sealed partial class WebSession : IDisposable
{
    private readonly HttpClient _client;

    public WebSession(HostFixture host)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = host.BaseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>The antiforgery token of the last page read (its first form's).</summary>
    public string? Token { get; private set; }

    /// <summary>A new session signed in through the sign-in page; asserts it lands on the inbox.</summary>
    public static async Task<WebSession> SignInAsync(HostFixture host, string userName, string password)
    {
        var session = new WebSession(host);
        await session.GetAsync("/");
        using var response = await session.PostFormAsync("/", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName}: {(int)response.StatusCode}");
        Assert.Equal("/inbox", response.Headers.Location?.OriginalString);
        return session;
    }

    /// <summary>GETs a page and returns its status and HTML; remembers the page's antiforgery token.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        RememberToken(html);
        return (response.StatusCode, html);
    }

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetHtmlAsync(string path)
    {
        var (status, html) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status}");
        return html;
    }

    /// <summary>POSTs a form with the last page's antiforgery token (unless <paramref name="withToken"/> is false).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, bool withToken = true)
    {
        var body = new Dictionary<string, string>(fields);
        if (withToken && Token is not null)
        {
            body["__RequestVerificationToken"] = Token;
        }

        using var content = new FormUrlEncodedContent(body);
        var response = await _client.PostAsync(path, content);
        return response;
    }

    /// <summary>POSTs a form, then reads the page it redirects to (or the page it answered with).</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> SubmitAsync(string path, Dictionary<string, string> fields)
    {
        using var response = await PostFormAsync(path, fields);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!.OriginalString;
            var (status, html) = await GetAsync(location);
            return (status, html, location);
        }

        var text = await response.Content.ReadAsStringAsync();
        RememberToken(text);
        return (response.StatusCode, text, null);
    }

    public void Dispose() => _client.Dispose();

    private void RememberToken(string html)
    {
        var match = TokenPattern().Match(html);
        if (match.Success)
        {
            Token = WebUtility.HtmlDecode(match.Groups[1].Value);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
