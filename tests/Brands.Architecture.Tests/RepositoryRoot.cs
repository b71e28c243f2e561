namespace Brands.Architecture.Tests;

/// <summary>Finds the checkout the tests run from: the folder that holds Brands.Workflow.sln.</summary>
internal static class RepositoryRoot
{
    public static DirectoryInfo Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Brands.Workflow.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No Brands.Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
