using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mapping;
using Brands.Host.Infrastructure.Mediation;
using Brands.Host.Infrastructure.Persistence;
using Brands.Workflows.EntityFrameworkCore;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Inbox;

/// <summary>
/// The inbox page's list: one page of the open tasks the user may see, narrowed by <see cref="InboxFilter"/>,
/// overdue first by due date, then the oldest; with the total and the processes the user has tasks of.
/// </summary>
internal static class ListInbox
{
    public const int PageSize = 20;

    /// <summary>
    /// Counting stops here: past it the page says "200+" and offers the next page until the last counted one. A count
    /// of every visible task would read all of them (a provincial reviewer sees tens of thousands), where a page reads
    /// twenty from an index (bench/README.md, "The inbox under a million tasks").
    /// </summary>
    public const int CountLimit = 200;

    internal sealed record Query(InboxFilter Filter) : IRequest<Result>, IScopedQuery, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate() => Filter.Validate();
    }

    /// <summary>
    /// One page; <c>TotalIsAtLeast</c> is true when more than <see cref="CountLimit"/> tasks match, and <c>Total</c> is
    /// then the limit.
    /// </summary>
    internal sealed record Result(IReadOnlyList<InboxItem> Items, int Total, bool TotalIsAtLeast, int Page, int PageCount, IReadOnlyList<string> Processes);

    /// <summary>The columns one row reads, projected in the database (names flatten <see cref="TaskAndCase"/>).</summary>
    internal sealed record Row(
        Guid TaskId, Guid TaskInstanceId, string? TaskName, string TaskElementId, string TaskDefinitionKey, string? CaseBusinessKey,
        string? TaskAssignee, string? TaskCandidateUsers, string? TaskCandidateGroups, DateTimeOffset? TaskDueAt, DateTimeOffset? TaskFollowUpAt,
        int TaskPriority, DateTimeOffset TaskCreatedAt, string? CaseProvince, string? CaseOrganisationCode, string CaseVariablesJson);

    internal sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) =>
            config.NewConfig<Row, InboxItem>()
                .Map(item => item.CaseId, row => row.TaskInstanceId)
                .Map(item => item.Name, row => row.TaskName)
                .Map(item => item.ElementId, row => row.TaskElementId)
                .Map(item => item.DefinitionKey, row => row.TaskDefinitionKey)
                .Map(item => item.BusinessKey, row => row.CaseBusinessKey)
                .Map(item => item.Assignee, row => row.TaskAssignee)
                .Map(item => item.CandidateGroups, row => row.TaskCandidateGroups)
                .Map(item => item.DueAt, row => row.TaskDueAt)
                .Map(item => item.FollowUpAt, row => row.TaskFollowUpAt)
                .Map(item => item.Priority, row => row.TaskPriority)
                .Map(item => item.CreatedAt, row => row.TaskCreatedAt)
                .Map(item => item.Province, row => row.CaseProvince)
                .Map(item => item.OrganisationCode, row => row.CaseOrganisationCode)
                .Map(item => item.ApplicantName, row => ApplicantNameOf(row.CaseVariablesJson))
                .Ignore(item => item.Due, item => item.FollowUpReached, item => item.MayClaim, item => item.MayUnclaim, item => item.MayAssign);
    }

    internal sealed class Handler(
        IDbContextFactory<WorkflowDbContext> databases, BrandsIdentityDbContext identity, DatabaseSettings settings, AccessScope scope, TimeProvider time)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var filter = request.Filter;
            var user = scope.User;
            var now = time.GetUtcNow();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            // The deployed processes, not the ones the user has tasks of: that would read every visible task.
            var processes = await db.Definitions.Select(d => d.Key).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);

            var tasks = InboxQuery.For(db, settings.Provider, filter, user, now);
            if (!string.IsNullOrWhiteSpace(filter.Q))
            {
                var text = filter.Q.Trim();
                var pattern = "%" + InboxQuery.EscapeLike(text) + "%";
                var organisations = await identity.Organisations.AsNoTracking()
                    .Where(o => EF.Functions.Like(o.Name, pattern, "\\"))
                    .Select(o => o.Code).ToListAsync(cancellationToken);
                tasks = InboxQuery.Search(tasks, db, settings.Provider, text, organisations);
            }

            var counted = await tasks.Take(CountLimit + 1).CountAsync(cancellationToken);
            var total = Math.Min(counted, CountLimit);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Min(filter.PageOrFirst, pageCount);
            var rows = await tasks
                .InOrder(TaskListOrder.DueFirst)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(x => new Row(
                    x.Task.Id, x.Task.InstanceId, x.Task.Name, x.Task.ElementId, x.Task.DefinitionKey, x.Case.BusinessKey,
                    x.Task.Assignee, x.Task.CandidateUsers, x.Task.CandidateGroups, x.Task.DueAt, x.Task.FollowUpAt,
                    x.Task.Priority, x.Task.CreatedAt, x.Case.Province, x.Case.OrganisationCode, x.Case.VariablesJson))
                .ToListAsync(cancellationToken);

            var organisationNames = await OrganisationNamesAsync(rows, cancellationToken);
            var items = rows.Select(row => Describe(row, user, now, organisationNames)).ToList();
            return new Result(items, total, counted > CountLimit, page, pageCount, processes);
        }

        private async Task<Dictionary<string, string>> OrganisationNamesAsync(List<Row> rows, CancellationToken cancellationToken)
        {
            var codes = rows.Select(r => r.CaseOrganisationCode).OfType<string>().Distinct().ToList();
            return await identity.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code))
                .ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        }

        private static InboxItem Describe(Row row, UserAccess user, DateTimeOffset now, Dictionary<string, string> organisationNames)
        {
            var item = row.Adapt<InboxItem>(Mappings.Config);
            var task = TaskPermissions.AsTask(row.TaskId, row.TaskInstanceId, row.TaskAssignee, row.TaskCandidateUsers, row.TaskCandidateGroups);
            return item with
            {
                ApplicantName = item.ApplicantName
                    ?? (row.CaseOrganisationCode is { } code && organisationNames.TryGetValue(code, out var name) ? name : null),
                Due = row.TaskDueAt is not { } due ? DueState.None
                    : due < now ? DueState.Overdue
                    : due < now + InboxQuery.DueSoon ? DueState.DueSoon
                    : DueState.None,
                FollowUpReached = row.TaskFollowUpAt <= now,
                MayClaim = row.TaskAssignee is null && TaskPermissions.Allows(user, task, TaskAction.Claim),
                MayUnclaim = row.TaskAssignee is not null && TaskPermissions.Allows(user, task, TaskAction.Unclaim),
                MayAssign = TaskPermissions.Allows(user, task, TaskAction.Assign),
            };
        }
    }

    internal static string? ApplicantNameOf(string variablesJson) =>
        JsonNode.Parse(variablesJson) is JsonObject variables
        && variables["applicantName"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
}
