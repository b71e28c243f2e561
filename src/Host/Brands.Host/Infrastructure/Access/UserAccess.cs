using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// What one user may see and do (README, "Who sees what"): national administrators and reviewers see every case;
/// provincial administrators and reviewers the cases of their province; everyone else the cases their
/// organisation owns; and anyone the tasks they are the assignee or a candidate of.
/// </summary>
internal sealed class UserAccess(string userName, IReadOnlyList<string> roles, string? organisationCode, string? province, IEnumerable<string> givenGroups)
{
    public string UserName { get; } = userName;
    public IReadOnlyList<string> Roles { get; } = roles;
    public string? OrganisationCode { get; } = organisationCode;
    public string? Province { get; } = province;
    /// <summary>Derived and given groups (<see cref="GroupNames"/>).</summary>
    public IReadOnlyList<string> Groups { get; } = GroupNames.Of(roles, province, organisationCode, givenGroups);

    public bool IsNationalAdmin => Has(Auth.Roles.NationalAdmin);

    /// <summary>National administrators and reviewers see every case.</summary>
    public bool SeesAllCases => IsNationalAdmin || Has(Auth.Roles.NationalReviewer);

    /// <summary>The province whose every case this user sees (provincial administrators and reviewers), or null.</summary>
    public string? SeesProvince =>
        Province is not null && (Has(Auth.Roles.ProvincialAdmin) || Has(Auth.Roles.ProvincialReviewer)) ? Province : null;

    /// <summary>By ownership alone, without looking at the case's tasks.</summary>
    public bool OwnsOrOversees(InstanceRecord @case) =>
        SeesAllCases
        || (SeesProvince is { } province && @case.Province == province)
        || (OrganisationCode is not null && @case.OrganisationCode == OrganisationCode);

    public bool IsCandidate(TaskRecord task) =>
        TaskFilter.SplitList(task.CandidateUsers).Contains(UserName, StringComparer.Ordinal)
        || TaskFilter.SplitList(task.CandidateGroups).Intersect(Groups, StringComparer.Ordinal).Any();

    public bool IsInvolvedIn(TaskRecord task) => task.Assignee == UserName || IsCandidate(task);

    /// <summary>National administrators manage every group; provincial administrators the groups of their province.</summary>
    public bool Manages(string group) =>
        IsNationalAdmin
        || (Has(Auth.Roles.ProvincialAdmin) && Province is not null && GroupNames.ProvinceOf(group) == Province);

    public bool ManagesAnyCandidateGroupOf(TaskRecord task) => TaskFilter.SplitList(task.CandidateGroups).Any(Manages);

    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
