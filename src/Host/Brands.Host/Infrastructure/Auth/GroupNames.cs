using System.Text.RegularExpressions;

namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// The groups a user is in, as BPMN <c>camunda:candidateGroups</c> and <c>candidateStarterGroups</c> name them
/// (README, "Groups"):
/// <list type="bullet">
/// <item><c>&lt;role&gt;</c>: every user with the role, e.g. <c>national-reviewer</c>;</item>
/// <item><c>&lt;role&gt;:&lt;province&gt;</c>: users with the role whose organisation is in the province, e.g.
/// <c>provincial-reviewer:ZJ</c>, so a task can say <c>provincial-reviewer:${province}</c> for "the reviewers of
/// this case's province";</item>
/// <item><c>org:&lt;code&gt;</c>: every user of the organisation;</item>
/// <item>any other name given to the user at provisioning (<c>groups</c>), e.g. <c>experts-trademark:ZJ</c>.</item>
/// </list>
/// A group whose name ends in <c>:&lt;province&gt;</c> belongs to that province: its managers are the provincial
/// administrators of that province (and national administrators, who manage every group).
/// </summary>
internal static partial class GroupNames
{
    public const string OrganisationPrefix = "org:";

    public static IReadOnlyList<string> Of(IEnumerable<string> roles, string? province, string? organisationCode, IEnumerable<string> givenGroups)
    {
        var groups = new List<string>();
        foreach (var role in roles)
        {
            groups.Add(role);
            if (province is not null)
            {
                groups.Add($"{role}:{province}");
            }
        }

        if (organisationCode is not null)
        {
            groups.Add(OrganisationPrefix + organisationCode);
        }

        groups.AddRange(givenGroups);
        return [.. groups.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The province a group belongs to (its <c>:XX</c> suffix), or null.</summary>
    public static string? ProvinceOf(string group)
    {
        var colon = group.LastIndexOf(':');
        if (colon < 0 || group.StartsWith(OrganisationPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var suffix = group[(colon + 1)..];
        return Provinces.Names.ContainsKey(suffix) ? suffix : null;
    }

    /// <summary>A name that may be given at provisioning: lower-case words with dashes, optionally <c>:&lt;province&gt;</c>.</summary>
    public static bool IsValidGivenName(string group) =>
        GivenName().IsMatch(group) && !group.StartsWith(OrganisationPrefix, StringComparison.Ordinal)
        && (group.IndexOf(':', StringComparison.Ordinal) < 0 || ProvinceOf(group) is not null);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}(:[A-Z]{2})?$")]
    private static partial Regex GivenName();
}
