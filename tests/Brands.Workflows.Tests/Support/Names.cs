namespace Brands.Workflows.Tests.Support;

/// <summary>Names of messages and signals no other test uses: scenarios of a class share one store.</summary>
public static class Names
{
    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";
}
