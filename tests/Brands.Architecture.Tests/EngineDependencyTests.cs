using System.Reflection;
using Brands.Workflows;
using Xunit;

namespace Brands.Architecture.Tests;

public sealed class EngineDependencyTests
{
    [Fact]
    public void The_engine_depends_on_no_web_framework_mediator_database_library_or_host()
    {
        var found = DependencyScanner.Scan(typeof(WorkflowEngine).Assembly, DependencyRule.ForEngine);

        Assert.True(found.Count == 0, "Brands.Workflows must stay free of these:\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_store_library_depends_on_no_web_framework_mediator_or_host()
    {
        var stores = Assembly.Load("Brands.Workflows.EntityFrameworkCore");

        var found = DependencyScanner.Scan(stores, DependencyRule.ForStores);

        Assert.True(found.Count == 0, "Brands.Workflows.EntityFrameworkCore must stay free of these:\n" + string.Join('\n', found));
    }
}
