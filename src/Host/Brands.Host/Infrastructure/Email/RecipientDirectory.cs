using Brands.Host.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Expands user names and groups into users with their address and mail settings. Groups are those of
/// <see cref="GroupNames"/> (README, "Groups"): <c>&lt;role&gt;</c>, <c>&lt;role&gt;:&lt;province&gt;</c>,
/// <c>org:&lt;code&gt;</c> and names given at provisioning.
/// </summary>
internal sealed class RecipientDirectory(BrandsIdentityDbContext identity, MailDbContext mail)
{
    public async Task<IReadOnlyList<MailRecipient>> ResolveAsync(IEnumerable<string> userNames, IEnumerable<string> groups, CancellationToken cancellationToken)
    {
        var names = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        var users = await identity.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToListAsync(cancellationToken);
        foreach (var group in groups.Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal))
        {
            users.AddRange(await MembersAsync(group, cancellationToken));
        }

        var distinct = users.DistinctBy(u => u.Id).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
        var userNamesFound = distinct.Select(u => u.UserName!).ToList();
        var settings = await mail.Settings.AsNoTracking().Where(s => userNamesFound.Contains(s.UserName)).ToDictionaryAsync(s => s.UserName, cancellationToken);
        return [.. distinct.Select(u => settings.TryGetValue(u.UserName!, out var s)
            ? new MailRecipient(u.UserName!, u.DisplayName, u.Email, s.Language, s.Delivery)
            : new MailRecipient(u.UserName!, u.DisplayName, u.Email, MailLanguages.Chinese, MailDelivery.Immediate))];
    }

    private async Task<List<BrandsUser>> MembersAsync(string groupName, CancellationToken cancellationToken)
    {
        if (groupName.StartsWith(GroupNames.OrganisationPrefix, StringComparison.Ordinal))
        {
            var code = groupName[GroupNames.OrganisationPrefix.Length..];
            return await identity.Users.AsNoTracking().Where(u => u.OrganisationCode == code).ToListAsync(cancellationToken);
        }

        var members = await (
            from claim in identity.UserClaims
            where claim.ClaimType == BrandsClaimTypes.Group && claim.ClaimValue == groupName
            join user in identity.Users on claim.UserId equals user.Id
            select user).AsNoTracking().ToListAsync(cancellationToken);

        var province = GroupNames.ProvinceOf(groupName);
        var role = province is null ? groupName : groupName[..groupName.LastIndexOf(':')];
        if (Roles.All.Contains(role))
        {
            var inRole =
                from userRole in identity.UserRoles
                join roleRow in identity.Roles on userRole.RoleId equals roleRow.Id
                where roleRow.Name == role
                join user in identity.Users on userRole.UserId equals user.Id
                select user;
            if (province is not null)
            {
                inRole =
                    from user in inRole
                    join organisation in identity.Organisations on user.OrganisationCode equals organisation.Code
                    where organisation.Province == province
                    select user;
            }

            members.AddRange(await inRole.AsNoTracking().ToListAsync(cancellationToken));
        }

        return members;
    }
}
