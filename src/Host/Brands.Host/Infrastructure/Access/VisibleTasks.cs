using System.Linq.Expressions;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// The open tasks a user may see, as a database query (so paging and limits count only what the user sees): tasks
/// of the cases they own or oversee (<see cref="UserAccess.OwnsOrOversees"/>) and tasks they are the assignee or a
/// candidate of. The predicate reads only the task's columns (a task carries its case's organisation and province),
/// so a list walks the open tasks' index in its order and stops at the page's end.
/// </summary>
internal static class VisibleTasks
{
    public static IQueryable<TaskAndCase> For(WorkflowDbContext db, UserAccess user)
    {
        var open = from t in db.Tasks
                   join i in db.Instances on t.InstanceId equals i.Id
                   where t.State == TaskState.Open
                   select new TaskAndCase
                   {
                       Task = t, Case = i, SortUndated = t.DueAt == null, SortDueAt = t.DueAt, SortCreatedAt = t.CreatedAt, SortId = t.Id,
                   };
        return user.SeesAllCases ? open : open.Where(Visible(user));
    }

    /// <summary>In the list's order, by the keys of <see cref="TaskAndCase"/>.</summary>
    public static IOrderedQueryable<TaskAndCase> InOrder(this IQueryable<TaskAndCase> tasks, TaskListOrder order) =>
        order == TaskListOrder.DueFirst
            ? tasks.OrderBy(x => x.SortUndated).ThenBy(x => x.SortDueAt).ThenBy(x => x.SortCreatedAt).ThenBy(x => x.SortId)
            : tasks.OrderBy(x => x.SortCreatedAt).ThenBy(x => x.SortId);

    /// <summary>Tasks the user is a candidate of (user or group), assigned or not.</summary>
    public static Expression<Func<TaskAndCase, bool>> Candidate(UserAccess user)
    {
        var predicates = new List<Expression<Func<TaskAndCase, bool>>>();
        var userMember = "," + user.UserName + ",";
        predicates.Add(x => ("," + x.Task.CandidateUsers + ",").Contains(userMember));
        foreach (var group in user.Groups)
        {
            var groupMember = "," + group + ",";
            predicates.Add(x => ("," + x.Task.CandidateGroups + ",").Contains(groupMember));
        }

        return PredicateBuilder.Or(predicates);
    }

    private static Expression<Func<TaskAndCase, bool>> Visible(UserAccess user)
    {
        var predicates = new List<Expression<Func<TaskAndCase, bool>>>();
        if (user.SeesProvince is { } province)
        {
            predicates.Add(x => x.Task.Province == province);
        }

        if (user.OrganisationCode is { } organisation)
        {
            predicates.Add(x => x.Task.OrganisationCode == organisation);
        }

        var userName = user.UserName;
        predicates.Add(x => x.Task.Assignee == userName);
        predicates.Add(Candidate(user));
        return PredicateBuilder.Or(predicates);
    }
}
