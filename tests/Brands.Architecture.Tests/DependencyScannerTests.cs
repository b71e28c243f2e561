using System.Reflection;
using Brands.Architecture.Tests.Fixtures;
using Xunit;

namespace Brands.Architecture.Tests;

/// <summary>The checks above pass only if the scanner can see a leak; these show it does, on code that has one.</summary>
public sealed class DependencyScannerTests
{
    [Fact]
    public void The_scanner_flags_the_host_for_the_web_framework_and_the_mediator_under_the_engine_rule()
    {
        var host = Assembly.Load("Brands.Host");

        var found = DependencyScanner.Scan(host, DependencyRule.ForEngine).Select(dependency => dependency.Name).ToList();

        Assert.Contains(found, name => name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains("MediatR", found);
        Assert.Contains(found, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(found, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_closure_of_the_store_library_shows_entity_framework_and_npgsql()
    {
        var found = DependencyScanner.ScanPackageClosure("Brands.Workflows.EntityFrameworkCore", DependencyRule.ForEngine);

        Assert.Contains(found, dependency => dependency.Name == "Microsoft.EntityFrameworkCore"
            && dependency.Evidence.Contains("Brands.Workflows.EntityFrameworkCore -> ", StringComparison.Ordinal));
        Assert.Contains(found, dependency => dependency.Name == "Npgsql");
    }

    [Fact]
    public void The_assembly_references_of_the_host_show_the_web_framework()
    {
        var host = Assembly.Load("Brands.Host");

        var found = DependencyScanner.ScanAssemblyReferences(host, DependencyRule.ForStores);

        Assert.Contains(found, dependency => dependency.Name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
            && dependency.Evidence.StartsWith("assembly reference: Brands.Host -> ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(LeakyTypes.EndpointTakingAnHttpContext), "Microsoft.AspNetCore.Http.Abstractions")]
    [InlineData(typeof(LeakyTypes.HandlerHoldingAMediator), "MediatR")]
    [InlineData(typeof(LeakyTypes.ServiceWithAListOfRequests), "MediatR")]
    public void The_scanner_flags_a_forbidden_type_named_in_a_signature(Type leaky, string expected)
    {
        var found = DependencyScanner.ScanSignatures([leaky], DependencyRule.ForEngine);

        Assert.Contains(found, dependency => dependency.Name == expected
            && dependency.Evidence.Contains(leaky.FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_passes_a_type_whose_signatures_use_only_the_base_library()
    {
        var found = DependencyScanner.ScanSignatures([typeof(LeakyTypes.CleanService)], DependencyRule.ForEngine);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Http", true)]
    [InlineData("Microsoft.AspNetCore", true)]
    [InlineData("MediatR", true)]
    [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", true)]
    [InlineData("Microsoft.Extensions.Logging.Abstractions", false)]
    [InlineData("MediatRish", false)]
    [InlineData("Jint", false)]
    public void A_rule_matches_a_forbidden_name_and_its_dotted_children_only(string name, bool forbidden) =>
        Assert.Equal(forbidden, DependencyRule.ForEngine.Forbids(name));
}
