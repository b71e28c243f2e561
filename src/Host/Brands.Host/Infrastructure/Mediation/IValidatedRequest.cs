namespace Brands.Host.Infrastructure.Mediation;

/// <summary>A request that checks its own fields before its handler runs.</summary>
internal interface IValidatedRequest
{
    /// <summary>Field name → problems; empty when the request is valid.</summary>
    IDictionary<string, string[]> Validate();
}
