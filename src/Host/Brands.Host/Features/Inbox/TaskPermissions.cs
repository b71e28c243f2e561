using Brands.Host.Infrastructure.Access;
using Brands.Workflows.Persistence;

namespace Brands.Host.Features.Inbox;

/// <summary>
/// Which buttons a page offers for a task: asks the same rules the server enforces (<see cref="CaseAccess.Decide"/>),
/// so a page never offers what the server would refuse. Showing a button grants nothing: every action is checked again.
/// </summary>
internal static class TaskPermissions
{
    public static bool Allows(UserAccess user, TaskRecord task, TaskAction action)
    {
        try
        {
            CaseAccess.Decide(user, task, action);
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
    }

    /// <summary>An open task with the fields the rules read, from a projected row.</summary>
    public static TaskRecord AsTask(Guid id, Guid caseId, string? assignee, string? candidateUsers, string? candidateGroups) => new()
    {
        Id = id,
        InstanceId = caseId,
        DefinitionKey = "",
        ElementId = "",
        TokenId = "",
        State = TaskState.Open,
        CreatedAt = DateTimeOffset.MinValue,
        Assignee = assignee,
        CandidateUsers = candidateUsers,
        CandidateGroups = candidateGroups,
    };
}
