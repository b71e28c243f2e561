using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Brands.DesignerBench;

/// <summary>
/// Opens the largest MIWG reference file (B.2.0) in the designer in headless Chromium, several times, and prints how
/// long each import took until the diagram was painted; then the designer bundle's size, gzipped. See bench/README.md.
/// </summary>
internal static class DesignerOpenBench
{
    public static async Task Main(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var root = FindRoot();
        var xml = await File.ReadAllTextAsync(Path.Combine(root, "tests", "conformance", "miwg", "B.2.0.bpmn"));
        var folder = Path.Combine(Path.GetTempPath(), "brands-designer-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // The host's content root (its wwwroot holds the designer bundle), as WebApplicationFactory reads it outside a test project.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BRANDS_HOST", Path.Combine(root, "src", "Host", "Brands.Host"));
            await using var host = new BenchHost(Path.Combine(folder, "brands.db"));
            host.StartServer();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = address, ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
            await page.GotoAsync("/designer");
            await page.Locator("input[name=userName]").FillAsync("admin");
            await page.Locator("input[name=password]").FillAsync(BenchHost.AdminPassword);
            await page.Locator("button[type=submit]").ClickAsync();
            await page.Locator("body[data-ready=true]").WaitForAsync();

            var timings = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                // From the call to importXML until the browser has painted the frame after it (two animation frames).
                var milliseconds = await page.EvaluateAsync<double>("""
                    async xml => {
                      const started = performance.now();
                      if (!await window.brandsDesigner.importXml(xml)) throw new Error('B.2.0 did not import');
                      await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
                      return performance.now() - started;
                    }
                    """, xml);
                timings.Add(milliseconds);
                Console.WriteLine(FormattableString.Invariant($"run {run + 1}: {milliseconds:F0} ms"));
            }

            var shapes = await page.Locator(".djs-element.djs-shape").CountAsync();
            var sorted = timings.Order().ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"MIWG B.2.0 ({xml.Length / 1024} KB, {shapes} shapes): first {timings[0]:F0} ms, median {sorted[sorted.Count / 2]:F0} ms, max {sorted[^1]:F0} ms over {runs} runs"));

            var bundle = Path.Combine(root, "src", "Host", "Brands.Host", "wwwroot", "designer");
            var designer = BundleSize.OfPage(bundle, "designer.html");
            var all = BundleSize.OfAll(bundle);
            Console.WriteLine(FormattableString.Invariant(
                $"designer page: {designer.Files} files, {designer.Raw / 1024.0:F0} KB, {designer.Gzip / 1024.0:F0} KB gzip; whole bundle: {all.Files} files, {all.Raw / 1024.0:F0} KB, {all.Gzip / 1024.0:F0} KB gzip"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Brands.Workflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}
