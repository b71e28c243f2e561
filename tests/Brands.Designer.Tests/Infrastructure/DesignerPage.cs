using System.Text.Json;
using Microsoft.Playwright;

namespace Brands.Designer.Tests.Infrastructure;

/// <summary>What the tests do on the designer page through its own functions (window.brandsDesigner).</summary>
public static class DesignerPage
{
    /// <summary>Imports a diagram as "Upload" would; false when the modeler could not read it.</summary>
    public static Task<bool> ImportAsync(this IPage page, string xml) =>
        page.EvaluateAsync<bool>("xml => window.brandsDesigner.importXml(xml)", xml);

    public static Task<string> ExportAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => window.brandsDesigner.exportXml()");

    /// <summary>The ids the editor's lint flags as errors, sorted.</summary>
    public static async Task<IReadOnlyList<string>> LintErrorIdsAsync(this IPage page)
    {
        var ids = await page.EvaluateAsync<string[]>("""
            async () => {
              const results = await window.brandsDesigner.lint();
              return Object.values(results).flat().filter(issue => issue.category === 'error').map(issue => issue.id);
            }
            """);
        return [.. ids.Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The ids the editor's rules flag in a file, without showing it; null when the file cannot be read at all.</summary>
    public static async Task<IReadOnlyList<string>?> LintXmlErrorIdsAsync(this IPage page, string xml)
    {
        var ids = await page.EvaluateAsync<string[]?>("""
            async xml => {
              let results;
              try {
                results = await window.brandsDesigner.lintXml(xml);
              } catch {
                return null;
              }
              return Object.values(results).flat().filter(issue => issue.category === 'error').map(issue => issue.id);
            }
            """, xml);
        return ids is null ? null : [.. ids.Distinct().Order(StringComparer.Ordinal)];
    }

    public static async Task<JsonElement> EvaluateJsonAsync(this IPage page, string script, object? argument = null) =>
        (await page.EvaluateAsync<JsonElement?>(script, argument)) ?? throw new InvalidOperationException("The script returned nothing.");
}
