using Xunit;

namespace Brands.Architecture.Tests;

public sealed class ClockReadTests
{
    [Fact]
    public void No_source_file_outside_a_composition_root_reads_the_system_clock()
    {
        var sourceRoot = new DirectoryInfo(Path.Combine(RepositoryRoot.Find().FullName, "src"));
        var files = ClockReadScanner.SourceFiles(sourceRoot).ToList();

        var found = files.SelectMany(file => ClockReadScanner.FindClockReads(
            Path.GetRelativePath(sourceRoot.FullName, file.FullName), File.ReadAllText(file.FullName))).ToList();

        Assert.Contains(files, file => file.Name == "WorkflowEngine.cs");
        Assert.True(found.Count == 0, "Inject TimeProvider instead of reading the clock:\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_source_files_leave_out_build_output_and_the_composition_root()
    {
        var sourceRoot = new DirectoryInfo(Path.Combine(RepositoryRoot.Find().FullName, "src"));

        var files = ClockReadScanner.SourceFiles(sourceRoot).Select(file => file.FullName).ToList();

        Assert.DoesNotContain(files, file => file.EndsWith(Path.DirectorySeparatorChar + "Program.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var started = DateTime.Now;", "DateTime.Now")]
    [InlineData("var started = DateTime.UtcNow;", "DateTime.UtcNow")]
    [InlineData("var started = DateTimeOffset.Now;", "DateTimeOffset.Now")]
    [InlineData("return System.DateTimeOffset.UtcNow.AddDays(1);", "DateTimeOffset.UtcNow")]
    [InlineData("if (due < DateTime . UtcNow) { }", "DateTime . UtcNow")]
    public void The_scanner_flags_each_read_of_the_system_clock_with_its_file_and_line(string line, string read)
    {
        var found = ClockReadScanner.FindClockReads("Sample.cs", "namespace Sample;\n\n" + line + "\n");

        Assert.Equal(["Sample.cs:3: " + read], found);
    }

    [Theory]
    [InlineData("// DateTime.Now is not allowed here")]
    [InlineData("/// <summary>Never DateTime.UtcNow: use the TimeProvider.</summary>")]
    [InlineData("var now = timeProvider.GetUtcNow();")]
    [InlineData("var stamp = DateTimeOffset.FromUnixTimeSeconds(0);")]
    [InlineData("var later = DateTime.MaxValue;")]
    public void The_scanner_leaves_comments_and_other_members_alone(string line) =>
        Assert.Empty(ClockReadScanner.FindClockReads("Sample.cs", line));
}
