using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Brands.DesignerBench;

/// <summary>The designer bundle's size as a browser downloads it: each file gzip-compressed (level Optimal).</summary>
internal static partial class BundleSize
{
    /// <summary>Bytes of every script and style the designer page loads up front (entry, module preloads, styles), gzipped.</summary>
    public static (long Raw, long Gzip, int Files) OfPage(string bundleFolder, string page)
    {
        var html = File.ReadAllText(Path.Combine(bundleFolder, page));
        var files = AssetReference().Matches(html).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal).ToList();
        return Measure(bundleFolder, files);
    }

    /// <summary>Every .js and .css file of the bundle (all screens), gzipped.</summary>
    public static (long Raw, long Gzip, int Files) OfAll(string bundleFolder) =>
        Measure(bundleFolder, [.. Directory.GetFiles(Path.Combine(bundleFolder, "assets"))
            .Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal))
            .Select(f => "assets/" + Path.GetFileName(f))]);

    private static (long Raw, long Gzip, int Files) Measure(string bundleFolder, IReadOnlyList<string> files)
    {
        long raw = 0, gzip = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(bundleFolder, file));
            raw += bytes.Length;
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zip.Write(bytes);
            }

            gzip += compressed.Length;
        }

        return (raw, gzip, files.Count);
    }

    [GeneratedRegex(@"(?:src|href)=""/designer/(?<path>assets/[^""]+\.(?:js|css))""")]
    private static partial Regex AssetReference();
}
