using System.Text;
using Brands.Host.Infrastructure.Persistence;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// The open, unassigned tasks a user may claim: they are a candidate user of, or one of their groups is a candidate
/// group of. Being a candidate is enough to see a task (<see cref="VisibleTasks"/>), so nothing else is asked.
/// <para>
/// On PostgreSQL they are read from <c>wf_task_candidates</c> (engine migration 0008, kept by a trigger): one index
/// range per name the user is listed by, each in the list's order, merged (PostgreSQL's Merge Append) and each task
/// taken once (from the first of its names in ordinal order), so a page walks only its own rows (bench/README.md,
/// "The inbox under a million tasks"). The list must be sorted with <see cref="VisibleTasks.InOrder"/> in the same
/// <see cref="TaskListOrder"/>. On SQLite the comma-joined lists of every open task are tested.
/// </para>
/// </summary>
internal static class CandidateTasks
{
    public static IQueryable<TaskAndCase> For(WorkflowDbContext db, UserAccess user, DatabaseProvider provider, TaskListOrder order)
    {
        if (provider != DatabaseProvider.PostgreSql)
        {
            return VisibleTasks.For(db, user).Where(x => x.Task.Assignee == null).Where(VisibleTasks.Candidate(user));
        }

        return from k in Keys(db, user, order)
               join t in db.Tasks on k.TaskId equals t.Id
               join i in db.Instances on t.InstanceId equals i.Id
               where t.State == TaskState.Open && t.Assignee == null
               select new TaskAndCase
               {
                   Task = t, Case = i, SortUndated = k.Undated, SortDueAt = k.DueAt, SortCreatedAt = k.CreatedAt, SortId = k.TaskId,
               };
    }

    /// <summary>The names a task lists the user by, as the trigger stores them.</summary>
    public static IReadOnlyList<string> NamesOf(UserAccess user) =>
        [.. new[] { "user:" + user.UserName }.Concat(user.Groups.Select(g => "group:" + g)).Distinct(StringComparer.Ordinal)];

    private static IQueryable<CandidateKey> Keys(WorkflowDbContext db, UserAccess user, TaskListOrder order)
    {
        var names = NamesOf(user);
        // An ORDER BY inside each branch is what lets PostgreSQL merge the branches' index scans in order instead of
        // reading and sorting every row. Only parameter placeholders are written into the text.
        var orderBy = order == TaskListOrder.DueFirst ? "3, 4, 5, 1" : "5, 1";
        var sql = new StringBuilder("SELECT b.task_id AS \"TaskId\", b.undated AS \"Undated\", b.due_at AS \"DueAt\", b.created_at AS \"CreatedAt\"\nFROM (");
        for (var n = 0; n < names.Count; n++)
        {
            sql.Append(n == 0 ? "\n" : "\nUNION ALL\n")
                .Append("(SELECT c.task_id, c.candidate, (c.due_at IS NULL) AS undated, c.due_at, c.created_at FROM wf_task_candidates AS c ")
                .Append("WHERE c.candidate = {").Append(n).Append("} ORDER BY ").Append(orderBy).Append(')');
        }

        sql.Append("\n) AS b\nWHERE NOT EXISTS (SELECT 1 FROM wf_task_candidates AS e WHERE e.task_id = b.task_id AND e.candidate = ANY ({")
            .Append(names.Count).Append("}) AND e.candidate < b.candidate)");
        object[] parameters = [.. names, names.ToArray()];
        return db.Database.SqlQueryRaw<CandidateKey>(sql.ToString(), parameters);
    }
}
