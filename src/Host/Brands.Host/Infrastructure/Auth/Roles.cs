namespace Brands.Host.Infrastructure.Auth;

/// <summary>Role names as stored in Identity and listed in the OpenAPI document (README, "People").</summary>
internal static class Roles
{
    public const string NationalAdmin = "national-admin";
    public const string NationalReviewer = "national-reviewer";
    public const string ProvincialAdmin = "provincial-admin";
    public const string ProvincialReviewer = "provincial-reviewer";
    /// <summary>An enterprise, regional brand owner, guidance station or city/county that applies.</summary>
    public const string Applicant = "applicant";
    public const string Expert = "expert";

    public static IReadOnlyList<string> All { get; } =
        [NationalAdmin, NationalReviewer, ProvincialAdmin, ProvincialReviewer, Applicant, Expert];
}
