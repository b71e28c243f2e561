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

    /// <summary>
    /// What the engine may bring along at all (README "Layout"): the base library's and Microsoft.Extensions'
    /// abstractions, Jint, and Acornima — Jint 4's own JavaScript parser, which it needs to read ES2023 and which the
    /// engine uses to parse every expression at deploy time (the AST the fast path walks) — and, for timers, NodaTime
    /// (calendar-correct ISO 8601 periods in IANA time zones, with its own copy of the tz database) and Cronos (cron).
    /// </summary>
    private static readonly string[] AllowedForEngine =
        ["Jint", "Acornima", "NodaTime", "Cronos", "Microsoft.Extensions.", "System.", "Microsoft.NETCore.", "runtime."];

    [Fact]
    public void The_engine_brings_only_jint_acornima_the_timer_libraries_and_framework_abstractions()
    {
        var reached = PackageClosure.OfThisTestRun().Reachable("Brands.Workflows");

        var unexpected = reached.Where(r => !AllowedForEngine.Any(allowed =>
            allowed.EndsWith('.') ? r.Key.StartsWith(allowed, StringComparison.OrdinalIgnoreCase) : r.Key.Equals(allowed, StringComparison.OrdinalIgnoreCase)));

        Assert.Empty(unexpected.Select(r => r.Value));
        Assert.Contains("Acornima", reached.Keys);
    }

    [Fact]
    public void The_store_library_depends_on_no_web_framework_mediator_or_host()
    {
        var stores = Assembly.Load("Brands.Workflows.EntityFrameworkCore");

        var found = DependencyScanner.Scan(stores, DependencyRule.ForStores);

        Assert.True(found.Count == 0, "Brands.Workflows.EntityFrameworkCore must stay free of these:\n" + string.Join('\n', found));
    }
}
