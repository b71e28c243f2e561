namespace Brands.Architecture.Tests;

/// <summary>A dependency found where a rule forbids it, with the path or member that shows how it is reached.</summary>
public sealed record ForbiddenDependency(string Name, string Evidence)
{
    public override string ToString() => $"{Name} ({Evidence})";
}
