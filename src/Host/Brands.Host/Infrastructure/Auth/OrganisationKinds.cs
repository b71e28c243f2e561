namespace Brands.Host.Infrastructure.Auth;

/// <summary>What an organisation is; listed in the OpenAPI document.</summary>
internal static class OrganisationKinds
{
    public const string NationalOffice = "national-office";
    public const string ProvincialOffice = "provincial-office";
    public const string Enterprise = "enterprise";
    public const string RegionalBrandOwner = "regional-brand-owner";
    public const string GuidanceStation = "guidance-station";
    public const string CityCounty = "city-county";
    public const string ExpertBody = "expert-body";

    public static IReadOnlyList<string> All { get; } =
        [NationalOffice, ProvincialOffice, Enterprise, RegionalBrandOwner, GuidanceStation, CityCounty, ExpertBody];
}
