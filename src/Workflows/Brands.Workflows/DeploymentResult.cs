namespace Brands.Workflows;

/// <summary>The executable processes of a deployed file (or files), in document order.</summary>
public sealed record DeploymentResult(IReadOnlyList<DeployedDefinition> Definitions)
{
    public bool CreatedAny => Definitions.Any(d => d.IsNew);
}
