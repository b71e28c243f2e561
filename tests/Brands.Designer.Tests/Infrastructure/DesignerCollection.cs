using Xunit;

namespace Brands.Designer.Tests.Infrastructure;

/// <summary>The browser tests share one host and one Chromium, and run one after another (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class DesignerCollection : ICollectionFixture<DesignerFixture>
{
    public const string Name = "designer";
}
