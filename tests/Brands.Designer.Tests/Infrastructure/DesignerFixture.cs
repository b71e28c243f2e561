using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Brands.Designer.Tests.Infrastructure;

/// <summary>One running host with its own database and one headless Debian Chromium, shared by a test class.</summary>
public sealed class DesignerFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; the tests never download a browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "brands-designer-tests", Guid.NewGuid().ToString("N"));
    private DesignerHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DesignerHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Uri BaseAddress => new(Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = new DesignerHost(Path.Combine(_folder, "brands.db"));
        _host.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A new browser page (1600×900) at <paramref name="path"/>, signed in through the sign-in page as the administrator.</summary>
    public async Task<IPage> OpenDesignerAsync(string path = "/designer")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(path);
        await page.WaitForURLAsync("**/designer/sign-in?returnUrl=*");
        await page.Locator("input[name=userName]").FillAsync("admin");
        await page.Locator("input[name=password]").FillAsync(DesignerHost.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**" + path);
        await page.Locator("body[data-ready=true]").WaitForAsync();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return page;
    }

    /// <summary>An HTTP client with the administrator's bearer token, for the API.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = Host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DesignerHost.AdminPassword });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body!["accessToken"]!);
        return client;
    }
}
