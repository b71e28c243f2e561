namespace Brands.Host.Infrastructure.Auth;

/// <summary>An organisation users belong to: the national office, a provincial office, an applicant, an expert body…</summary>
internal sealed class Organisation
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="OrganisationKinds.All"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>One of <see cref="Provinces.Codes"/>.</summary>
    public required string Province { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}
