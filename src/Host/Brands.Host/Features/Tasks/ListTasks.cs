using System.Security.Claims;
using Brands.Host.Infrastructure.Api;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>GET /api/tasks?caseId=&amp;mine=&amp;candidate=&amp;overdue=</c>: open tasks; <c>mine</c> = assigned to me,
/// <c>candidate</c> = unassigned and claimable by me or my groups, <c>overdue</c> = due date passed.
/// </summary>
internal static class ListTasks
{
    internal sealed record Query(Guid? CaseId, bool Mine, bool Candidate, bool Overdue, string UserName, IReadOnlyList<string> Groups)
        : IRequest<IReadOnlyList<Item>>;

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

    internal sealed class Handler(IWorkflowStore store, TimeProvider timeProvider) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var query = new TaskQuery
            {
                InstanceId = request.CaseId,
                Assignee = request.Mine ? request.UserName : null,
                CandidateUser = request.Candidate ? request.UserName : null,
                CandidateGroups = request.Candidate ? request.Groups : null,
                DueBefore = request.Overdue ? timeProvider.GetUtcNow() : null,
            };
            var tasks = await store.QueryTasksAsync(query, cancellationToken);
            return [.. tasks
                .Where(t => t.State == TaskState.Open)
                .OrderBy(t => t.CreatedAt)
                .Select(t => new Item(t.Id, t.InstanceId, t.ElementId, t.Name, t.Assignee,
                    [.. TaskFilter.SplitList(t.CandidateGroups)], t.DueAt, t.FollowUpAt, t.FormRef, t.CreatedAt))];
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapGet("/", async Task<Ok<IReadOnlyList<Item>>> (
                ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken,
                Guid? caseId, bool? mine, bool? candidate, bool? overdue) =>
                TypedResults.Ok(await mediator.Send(
                    new Query(caseId, mine ?? false, candidate ?? false, overdue ?? false, user.UserName(), user.Groups()),
                    cancellationToken)))
            .WithName("ListTasks");
}
