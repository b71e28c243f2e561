using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Infrastructure.Web;
using Brands.Workflows.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Inbox;

/// <summary>
/// The inbox's filters as a database query over the tasks the user may see (<see cref="VisibleTasks"/>): every
/// filter only narrows that set, and every value typed by the user reaches the database as a parameter.
/// </summary>
internal static class InboxQuery
{
    /// <summary>A task due within this time from now is marked due soon.</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(48);

    /// <summary>
    /// The tasks of the filter's tab: the group tab's (claimable by the user) from <see cref="CandidateTasks"/>, the
    /// others from every task the user may see; then the filters.
    /// </summary>
    public static IQueryable<TaskAndCase> For(WorkflowDbContext db, DatabaseProvider provider, InboxFilter filter, UserAccess user, DateTimeOffset now) =>
        Apply(
            filter.TabOrDefault == InboxFilter.Group ? CandidateTasks.For(db, user, provider, TaskListOrder.DueFirst) : VisibleTasks.For(db, user),
            filter, user, now);

    private static IQueryable<TaskAndCase> Apply(IQueryable<TaskAndCase> tasks, InboxFilter filter, UserAccess user, DateTimeOffset now)
    {
        var me = user.UserName;
        if (filter.TabOrDefault == InboxFilter.Mine)
        {
            tasks = tasks.Where(x => x.Task.Assignee == me);
        }

        if (!string.IsNullOrEmpty(filter.Process))
        {
            var process = filter.Process;
            tasks = tasks.Where(x => x.Task.DefinitionKey == process);
        }

        if (!string.IsNullOrEmpty(filter.Province))
        {
            var province = filter.Province;
            tasks = tasks.Where(x => x.Task.Province == province);
        }

        if (filter.Year is { } year)
        {
            // The case's programme year when it has one, else the Shanghai year it started in.
            var from = ShanghaiTime.StartOf(new DateOnly(year, 1, 1));
            var to = ShanghaiTime.StartOf(new DateOnly(year + 1, 1, 1));
            tasks = tasks.Where(x => x.Case.Year == year || (x.Case.Year == null && x.Case.StartedAt >= from && x.Case.StartedAt < to));
        }

        var soon = now + DueSoon;
        tasks = filter.Status switch
        {
            "unassigned" => tasks.Where(x => x.Task.Assignee == null),
            "assigned" => tasks.Where(x => x.Task.Assignee != null),
            "overdue" => tasks.Where(x => x.Task.DueAt < now),
            "due-soon" => tasks.Where(x => x.Task.DueAt >= now && x.Task.DueAt < soon),
            "follow-up" => tasks.Where(x => x.Task.FollowUpAt <= now),
            _ => tasks,
        };

        if (filter.DueFrom is { } dueFrom)
        {
            var start = ShanghaiTime.StartOf(dueFrom);
            tasks = tasks.Where(x => x.Task.DueAt >= start);
        }

        if (filter.DueTo is { } dueTo)
        {
            var end = ShanghaiTime.StartOf(dueTo.AddDays(1));
            tasks = tasks.Where(x => x.Task.DueAt < end);
        }

        return tasks;
    }

    /// <summary>
    /// Narrows to cases whose business key or <c>applicantName</c> variable contains <paramref name="text"/>, or that
    /// an organisation named like it owns; case-insensitive. <c>%</c>, <c>_</c> and <c>\</c> are matched as themselves.
    /// On PostgreSQL the matching cases are found first, through the trigram indexes of host migration 0070 and the
    /// index on the owning organisation, and their tasks through the tasks' case index.
    /// </summary>
    public static IQueryable<TaskAndCase> Search(
        IQueryable<TaskAndCase> tasks, WorkflowDbContext db, DatabaseProvider provider, string text, IReadOnlyList<string> organisations)
    {
        var pattern = "%" + EscapeLike(text) + "%";
        if (provider == DatabaseProvider.PostgreSql)
        {
            var owners = organisations.ToArray();
            var cases = db.Database.SqlQuery<Guid>($"""
                SELECT id AS "Value" FROM wf_instances
                WHERE business_key ILIKE {pattern} ESCAPE '\' OR variables_json ->> 'applicantName' ILIKE {pattern} ESCAPE '\'
                   OR organisation_code = ANY ({owners})
                """);
            return tasks.Where(x => cases.Contains(x.Task.InstanceId));
        }

        var matching = db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM wf_instances
            WHERE business_key LIKE {pattern} ESCAPE '\' OR json_extract(variables_json, '$.applicantName') LIKE {pattern} ESCAPE '\'
            """);
        return tasks.Where(x => matching.Contains(x.Case.Id) || organisations.Contains(x.Case.OrganisationCode!));
    }

    /// <summary>Escapes LIKE's wildcards with <c>\</c>, so a search for "50%" finds "50%" and not "500".</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
