using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mapping;
using Brands.Host.Infrastructure.Mediation;
using Brands.Host.Infrastructure.Persistence;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>GET /api/tasks?caseId=&amp;mine=&amp;candidate=&amp;overdue=&amp;firstResult=&amp;maxResults=</c>: the open tasks
/// the caller may see (README, "Who sees what"); <c>mine</c> = assigned to me, <c>candidate</c> = unassigned and
/// claimable by me or my groups, <c>overdue</c> = due date passed. Oldest first, a page of <c>maxResults</c> (default
/// 100, at most 500) from <c>firstResult</c> (default 0), as Camunda's task query pages.
/// </summary>
internal static class ListTasks
{
    public const int DefaultMaxResults = 100;
    public const int MaxResultsLimit = 500;

    internal sealed record Query(Guid? CaseId, bool Mine, bool Candidate, bool Overdue, int FirstResult = 0, int MaxResults = DefaultMaxResults)
        : IRequest<IReadOnlyList<Item>>, IScopedQuery, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (FirstResult < 0)
            {
                errors["firstResult"] = ["firstResult must be 0 or more."];
            }

            if (MaxResults is < 1 or > MaxResultsLimit)
            {
                errors["maxResults"] = [$"maxResults must be between 1 and {MaxResultsLimit}."];
            }

            return errors;
        }
    }

    internal sealed record Item(
        Guid Id,
        Guid CaseId,
        string ElementId,
        string? Name,
        string? Assignee,
        IReadOnlyList<string> CandidateGroups,
        DateTimeOffset? DueAt,
        DateTimeOffset? FollowUpAt,
        string? FormRef,
        DateTimeOffset CreatedAt);

    /// <summary>The columns the list reads, projected in the database.</summary>
    internal sealed record Row(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, string? CandidateGroups,
        DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, string? FormRef, DateTimeOffset CreatedAt);

    internal sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) =>
            config.NewConfig<Row, Item>()
                .Map(item => item.CaseId, row => row.InstanceId)
                .Map(item => item.CandidateGroups, row => TaskFilter.SplitList(row.CandidateGroups).ToList());
    }

    internal sealed class Handler(IDbContextFactory<WorkflowDbContext> databases, DatabaseSettings settings, AccessScope scope, TimeProvider timeProvider)
        : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var user = scope.User;
            var tasks = request.Candidate ? CandidateTasks.For(db, user, settings.Provider, TaskListOrder.OldestFirst) : VisibleTasks.For(db, user);
            if (request.CaseId is { } caseId)
            {
                tasks = tasks.Where(x => x.Task.InstanceId == caseId);
            }

            if (request.Mine)
            {
                var userName = user.UserName;
                tasks = tasks.Where(x => x.Task.Assignee == userName);
            }

            if (request.Overdue)
            {
                var now = timeProvider.GetUtcNow();
                tasks = tasks.Where(x => x.Task.DueAt < now);
            }

            var rows = await tasks
                .InOrder(TaskListOrder.OldestFirst)
                .Skip(request.FirstResult).Take(request.MaxResults)
                .Select(x => x.Task)
                .ProjectToType<Row>(Mappings.Config)
                .ToListAsync(cancellationToken);
            return rows.Adapt<List<Item>>(Mappings.Config);
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapGet("/", async Task<Ok<IReadOnlyList<Item>>> (
                IMediator mediator, CancellationToken cancellationToken, Guid? caseId, bool? mine, bool? candidate, bool? overdue,
                int? firstResult, int? maxResults) =>
                TypedResults.Ok(await mediator.Send(new Query(caseId, mine ?? false, candidate ?? false, overdue ?? false,
                    firstResult ?? 0, maxResults ?? DefaultMaxResults), cancellationToken)))
            .ProducesValidationProblem()
            .WithName("ListTasks");
}
