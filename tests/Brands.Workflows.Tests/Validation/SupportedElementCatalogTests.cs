using Brands.Workflows.Validation;
using Xunit;

namespace Brands.Workflows.Tests.Validation;

public sealed class SupportedElementCatalogTests
{
    private readonly SupportedElementSet _set = SupportedElementCatalog.Current;

    [Theory]
    [InlineData("startEvent")]
    [InlineData("userTask")]
    [InlineData("serviceTask")]
    [InlineData("scriptTask")]
    [InlineData("callActivity")]
    [InlineData("subProcess")]
    [InlineData("exclusiveGateway")]
    [InlineData("parallelGateway")]
    [InlineData("inclusiveGateway")]
    [InlineData("endEvent")]
    [InlineData("endEvent/terminate")]
    [InlineData("endEvent/error")]
    [InlineData("boundaryEvent/error")]
    public void Kinds_the_engine_executes_are_supported(string kind) =>
        Assert.Contains(kind, _set.Supported);

    [Theory]
    [InlineData("complexGateway", "complex gateways are not supported")]
    [InlineData("transaction", "transaction sub-processes are not supported")]
    [InlineData("choreographyTask", "choreographies are not executable")]
    public void Kinds_the_validator_refuses_carry_its_own_reason(string kind, string reason) =>
        Assert.Equal(reason, _set.Unsupported[kind]);

    [Fact]
    public void Every_candidate_is_either_supported_or_refused_never_both()
    {
        Assert.Empty(_set.Supported.Intersect(_set.Unsupported.Keys));
        Assert.Equal(_set.Supported.Count, _set.Supported.Distinct().Count());
        Assert.All(_set.Unsupported.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }
}
