using Brands.Host.Infrastructure.Auth;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Access;

/// <summary>The access rules that need the database: seeing a case or task, acting on a task (README "API"), starting a case.</summary>
internal sealed class CaseAccess(IWorkflowStore store, BrandsIdentityDbContext identity, CandidateStarters starters)
{
    /// <summary>The case, when <paramref name="user"/> may see it: by ownership, or as assignee or candidate of one of its open tasks.</summary>
    public async Task<InstanceRecord> VisibleCaseAsync(UserAccess user, Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await store.GetInstanceAsync(caseId, cancellationToken);
        return @case is not null && await MaySeeAsync(user, @case, cancellationToken) ? @case : throw new NotVisibleException("case", caseId);
    }

    public async Task<bool> MaySeeAsync(UserAccess user, InstanceRecord @case, CancellationToken cancellationToken) =>
        user.OwnsOrOversees(@case)
        || (await store.GetOpenTasksAsync(@case.Id, cancellationToken)).Any(user.IsInvolvedIn);

    public async Task<TaskWithInstance> VisibleTaskAsync(UserAccess user, Guid taskId, CancellationToken cancellationToken)
    {
        var found = await store.GetTaskWithInstanceAsync(taskId, cancellationToken);
        return found is not null && (user.IsInvolvedIn(found.Task) || await MaySeeAsync(user, found.Instance, cancellationToken))
            ? found
            : throw new NotVisibleException("task", taskId);
    }

    /// <summary>README "API", who may act on a task. Returns the assignee acted for when the user acts on someone else's task; throws 403 when not allowed.</summary>
    public static string? Decide(UserAccess user, TaskRecord task, TaskAction action)
    {
        var mine = task.Assignee == user.UserName;
        var othersTask = task.Assignee is not null && !mine;
        switch (action)
        {
            case TaskAction.View:
            case TaskAction.Attach:
                return null;
            case TaskAction.Claim when mine || user.IsCandidate(task):
                return null;
            case TaskAction.Claim:
                throw new AccessDeniedException("Only a candidate of the task (a candidate user, or a member of a candidate group) may claim it.");
            case TaskAction.Unclaim when mine || (task.Assignee is null && (user.IsCandidate(task) || user.IsNationalAdmin)):
                return null;
            case TaskAction.Unclaim when othersTask && (user.IsNationalAdmin || user.ManagesAnyCandidateGroupOf(task)):
                return task.Assignee;
            case TaskAction.Unclaim:
                throw new AccessDeniedException("Only the assignee, a manager of the task's group or a national administrator may release the task.");
            case TaskAction.Complete when mine || (task.Assignee is null && (user.IsCandidate(task) || user.IsNationalAdmin)):
                return null;
            case TaskAction.Complete when othersTask && user.IsNationalAdmin:
                return task.Assignee;
            case TaskAction.Complete:
                throw new AccessDeniedException(othersTask
                    ? $"The task is claimed by {task.Assignee}; only they or a national administrator may complete it."
                    : "Only a candidate of the task may complete it.");
            case TaskAction.Assign when user.IsNationalAdmin || user.ManagesAnyCandidateGroupOf(task):
                return task.Assignee;
            default:
                throw new AccessDeniedException("Only national administrators and the managers of the task's candidate groups may assign it.");
        }
    }

    /// <summary>The access of another user, read from the database (for assigning a task to them); null when there is no such user.</summary>
    public async Task<UserAccess?> UserAsync(string userName, CancellationToken cancellationToken)
    {
        var normalised = userName.ToUpperInvariant();
        var user = await identity.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalised, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await identity.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(identity.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var groups = await identity.UserClaims.Where(c => c.UserId == user.Id && c.ClaimType == BrandsClaimTypes.Group)
            .Select(c => c.ClaimValue!).ToListAsync(cancellationToken);
        var province = user.OrganisationCode is null ? null
            : await identity.Organisations.Where(o => o.Code == user.OrganisationCode).Select(o => o.Province).FirstOrDefaultAsync(cancellationToken);
        return new UserAccess(user.UserName!, roles, user.OrganisationCode, province, groups);
    }

    /// <summary>Checks the process's candidate starters and returns the organisation that will own the case.</summary>
    public async Task<Organisation> AuthorizeStartAsync(UserAccess user, string definitionKey, string? organisationCode, CancellationToken cancellationToken)
    {
        var definition = await store.FindLatestDefinitionAsync(definitionKey, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No process with key '{definitionKey}' is deployed.");
        if (!CandidateStarters.MayStart(starters.Of(definition), user))
        {
            throw new AccessDeniedException($"You are not a candidate starter of process '{definitionKey}'.");
        }

        var code = organisationCode ?? user.OrganisationCode
            ?? throw new WorkflowInputException("Your account belongs to no organisation: name the organisation that owns the case (organisationCode).");
        var owner = await identity.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, cancellationToken)
            ?? throw new WorkflowInputException($"No organisation with code '{code}'.");
        var mayChooseOwner = code == user.OrganisationCode || user.SeesAllCases || (user.SeesProvince is { } p && owner.Province == p);
        return mayChooseOwner ? owner
            : throw new AccessDeniedException($"You may not start a case on behalf of organisation '{code}'.");
    }
}
