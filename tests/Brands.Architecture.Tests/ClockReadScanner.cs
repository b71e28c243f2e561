using System.Text.RegularExpressions;

namespace Brands.Architecture.Tests;

/// <summary>
/// Finds reads of the system clock (<c>DateTime.Now</c>, <c>DateTime.UtcNow</c>, <c>DateTimeOffset.Now</c>,
/// <c>DateTimeOffset.UtcNow</c>) in C# source. Code outside the composition root takes a <see cref="TimeProvider"/>
/// instead, so tests can drive time. Lines that are only a comment are skipped.
/// </summary>
internal static partial class ClockReadScanner
{
    public const string CompositionRootFileName = "Program.cs";

    public static IReadOnlyList<string> FindClockReads(string fileName, string source)
    {
        var found = new List<string>();
        var lines = source.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimStart();
            if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('*') || line.StartsWith("/*", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in ClockRead().Matches(line))
            {
                found.Add($"{fileName}:{index + 1}: {match.Value}");
            }
        }

        return found;
    }

    /// <summary>The C# files under <paramref name="sourceRoot"/>, without build output and without composition roots.</summary>
    public static IEnumerable<FileInfo> SourceFiles(DirectoryInfo sourceRoot) =>
        sourceRoot.EnumerateFiles("*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file, sourceRoot))
            .Where(file => !file.Name.Equals(CompositionRootFileName, StringComparison.Ordinal));

    private static bool IsBuildOutput(FileInfo file, DirectoryInfo sourceRoot) =>
        Path.GetRelativePath(sourceRoot.FullName, file.FullName)
            .Split(Path.DirectorySeparatorChar)
            .Any(part => part is "bin" or "obj" or "node_modules");

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(UtcNow|Now)\b")]
    private static partial Regex ClockRead();
}
