using System.Diagnostics;
using System.Text.Json;
using Brands.Designer.Tests.Infrastructure;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>The designer's own unit tests (vitest, src/Designer/test), run here so ./test.sh counts them.</summary>
public sealed class DesignerUnitTests
{
    [Fact]
    public async Task The_vitest_suite_of_the_designer_passes()
    {
        var report = Path.Combine(Path.GetTempPath(), $"brands-vitest-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await RunAsync("npx", $"vitest run --reporter=json --outputFile={report}", RepositoryFiles.DesignerFolder);
            Assert.True(File.Exists(report), $"vitest wrote no report (exit code {exitCode}):\n{output}");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
            var failed = json.RootElement.GetProperty("testResults").EnumerateArray()
                .SelectMany(file => file.GetProperty("assertionResults").EnumerateArray())
                .Where(test => test.GetProperty("status").GetString() != "passed")
                .Select(test => $"{test.GetProperty("fullName").GetString()}: {test.GetProperty("status").GetString()}")
                .ToList();

            Assert.True(failed.Count == 0, string.Join("\n", failed));
            Assert.Equal(0, exitCode);
            Assert.True(json.RootElement.GetProperty("numPassedTests").GetInt32() >= 30, output);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{command} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
