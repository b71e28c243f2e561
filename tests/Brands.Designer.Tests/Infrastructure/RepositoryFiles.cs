namespace Brands.Designer.Tests.Infrastructure;

/// <summary>Files of the repository the tests read: the conformance corpus and the designer's sources.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ConformanceFolder(string name) => Path.Combine(Root, "tests", "conformance", name);

    public static string DesignerFolder => Path.Combine(Root, "src", "Designer");

    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    /// <summary>Where screenshots go: TestResults/ at the repository root, beside the test reports.</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(Root, "TestResults", "Brands.Designer.Tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
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

        throw new InvalidOperationException($"No Brands.Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
