using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brands.Designer.Tests.Infrastructure;
using Xunit;

namespace Brands.Designer.Tests;

/// <summary>The conformance corpus in the real designer: MIWG files round-trip, and lint agrees with the server.</summary>
[Collection(DesignerCollection.Name)]
public sealed partial class ConformanceTests(DesignerFixture fixture)
{
    private static List<string> MiwgFiles() =>
        [.. Directory.GetFiles(RepositoryFiles.ConformanceFolder("miwg"), "*.bpmn").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    private static List<string> CorpusFiles() =>
        [.. new[] { "miwg", "exec" }
            .SelectMany(folder => Directory.GetFiles(RepositoryFiles.ConformanceFolder(folder), "*.bpmn").Select(path => $"{folder}/{Path.GetFileName(path)}"))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Every_miwg_reference_file_imports_without_error_and_exports_the_same_elements_as_bpmn_js_18_6_1()
    {
        var page = await fixture.OpenDesignerAsync();
        var failures = new List<string>();
        foreach (var file in MiwgFiles())
        {
            var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.ConformanceFolder("miwg"), file), TestContext.Current.CancellationToken);
            if (!await page.ImportAsync(xml))
            {
                failures.Add($"{file}: import failed: {await page.Locator("#status").TextContentAsync()}");
                continue;
            }

            string exported;
            try
            {
                exported = await page.ExportAsync();
            }
            catch (Microsoft.Playwright.PlaywrightException failure)
            {
                failures.Add($"{file}: export failed: {failure.Message.Split('\n')[0]}");
                continue;
            }

            var reference = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.ConformanceFolder("miwg"), "bpmn-io-18.6.1-roundtrip", Path.GetFileNameWithoutExtension(file) + "-roundtrip.bpmn"), TestContext.Current.CancellationToken);
            var missing = Ids(reference).Except(Ids(exported)).ToList();
            var extra = Ids(exported).Except(Ids(reference)).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                failures.Add($"{file}: missing ids [{string.Join(", ", missing)}], extra ids [{string.Join(", ", extra)}]");
            }
        }

        Assert.Equal(21, MiwgFiles().Count);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_editor_lint_and_the_server_agree_on_every_conformance_file()
    {
        var page = await fixture.OpenDesignerAsync();
        using var api = await fixture.CreateAdminClientAsync();
        var reasons = await UnsupportedReasonsAsync(api);
        var disagreements = new List<string>();
        var checkedElements = 0;
        foreach (var file in CorpusFiles())
        {
            var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.ConformanceFolder(""), file), TestContext.Current.CancellationToken);
            var server = await ServerVerdictAsync(api, xml, reasons);
            var flagged = await page.LintXmlErrorIdsAsync(xml);
            if (flagged is null)
            {
                // The editor cannot read it at all (not well-formed): the server must refuse it too.
                if (server.Accepted)
                {
                    disagreements.Add($"{file}: the editor cannot read it, the server accepted it");
                }

                continue;
            }

            // Every element the editor flags, the server refuses: the lint never cries wolf.
            var flaggedButAccepted = flagged.Where(id => !server.ErrorIds.Contains(id)).ToList();
            // Every element the server refuses as a kind it does not execute, the editor flags already while drawing.
            var unsupportedButNotFlagged = server.UnsupportedIds.Where(id => !flagged.Contains(id)).ToList();
            if (flaggedButAccepted.Count > 0 || unsupportedButNotFlagged.Count > 0)
            {
                disagreements.Add($"{file}: flagged but accepted by the server [{string.Join(", ", flaggedButAccepted)}]; "
                    + $"unsupported on the server but not flagged [{string.Join(", ", unsupportedButNotFlagged)}]");
            }

            checkedElements += server.UnsupportedIds.Count;
        }

        Assert.True(CorpusFiles().Count > 50);
        // Enough refused elements that agreement means something (fewer as the engine learns more kinds).
        Assert.True(checkedElements >= 20, $"only {checkedElements} unsupported elements in the corpus");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private sealed record ServerVerdict(bool Accepted, HashSet<string> ErrorIds, HashSet<string> UnsupportedIds);

    /// <summary>The validator's reasons for the kinds it does not execute, from the list the editor's lint reads.</summary>
    private static async Task<HashSet<string>> UnsupportedReasonsAsync(HttpClient api)
    {
        var list = await api.GetFromJsonAsync<JsonObject>("/api/definitions/supported-elements");
        return [.. list!["unsupported"]!.AsObject().Select(entry => (string)entry.Value!)];
    }

    /// <summary>What the server says when the file is deployed: every element it names, and those it refuses as a kind.</summary>
    private static async Task<ServerVerdict> ServerVerdictAsync(HttpClient api, string xml, HashSet<string> unsupportedReasons)
    {
        using var response = await api.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));
        if (response.IsSuccessStatusCode)
        {
            return new ServerVerdict(true, [], []);
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem?["errors"]?.AsArray() ?? [];
        var withIds = errors.Where(e => e?["elementId"] is not null).ToList();
        return new ServerVerdict(
            false,
            [.. withIds.Select(e => (string)e!["elementId"]!)],
            [.. withIds.Where(e => unsupportedReasons.Contains((string)e!["message"]!)).Select(e => (string)e!["elementId"]!)]);
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    private static HashSet<string> Ids(string xml) => [.. IdAttribute().Matches(xml).Select(m => m.Groups[1].Value)];
}
