using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Tells people a task waits for them (README, "Email"; docs/engine.md, "Outbox"): for every task created with an
/// assignee or candidates, and every task given to someone by another user, a <c>task-assigned</c> email is written to
/// the outbox in the same commit. A user who claims a task is not told about it.
/// </summary>
internal sealed class TaskAssignedObserver : ICommitObserver
{
    public void BeforeCommit(PendingCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        foreach (var task in commit.CreatedTasks)
        {
            if (task.Assignee is { } assignee)
            {
                Enqueue(commit, task, [assignee], [], assignee);
            }
            else if (task.CandidateUsers is not null || task.CandidateGroups is not null)
            {
                Enqueue(commit, task, [.. TaskFilter.SplitList(task.CandidateUsers)], [.. TaskFilter.SplitList(task.CandidateGroups)], "candidates");
            }
        }

        foreach (var task in commit.AssignedTasks)
        {
            if (task.Assignee is { } assignee && assignee != commit.UserId)
            {
                Enqueue(commit, task, [assignee], [], assignee);
            }
        }
    }

    private static void Enqueue(PendingCommit commit, TaskRecord task, IReadOnlyList<string> users, IReadOnlyList<string> groups, string to)
    {
        var payload = new EmailPayload(MailTemplateNames.TaskAssigned, users, groups, task.InstanceId, task.BusinessKey, task.Id,
            task.ElementId, task.Name ?? task.ElementId, task.DueAt);
        commit.EnqueueOutbox(task.InstanceId, task.ElementId, EmailTopic.Name, payload.ToJson(), $"task-assigned:{task.Id}:{to}");
    }
}
