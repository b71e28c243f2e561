namespace Brands.Architecture.Tests;

/// <summary>
/// Names of assemblies and packages an assembly must not reach. A name is matched exactly or as a prefix followed by
/// a dot, so <c>Microsoft.AspNetCore</c> covers <c>Microsoft.AspNetCore.Http.Abstractions</c> but not
/// <c>Microsoft.AspNetCoreish</c>.
/// </summary>
public sealed class DependencyRule(params string[] forbiddenNames)
{
    public static DependencyRule ForEngine { get; } = new(
        "Microsoft.AspNetCore", "MediatR", "Microsoft.EntityFrameworkCore", "Brands.Host", "Npgsql");

    public static DependencyRule ForStores { get; } = new("Microsoft.AspNetCore", "MediatR", "Brands.Host");

    public IReadOnlyList<string> ForbiddenNames { get; } = forbiddenNames;

    public bool Forbids(string name) =>
        ForbiddenNames.Any(forbidden =>
            name.Equals(forbidden, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(forbidden + ".", StringComparison.OrdinalIgnoreCase));
}
