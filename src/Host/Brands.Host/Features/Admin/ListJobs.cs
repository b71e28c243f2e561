using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>GET /api/admin/jobs?state=&amp;kind=&amp;caseId=&amp;max=</c>: the engine's jobs in due order. <c>state</c>:
/// <c>due</c> (waiting for a node), <c>locked</c> (a node runs it now), <c>failed</c> (retries ran out; retry or
/// cancel it), <c>scheduled</c> (due later); none for all.
/// </summary>
internal static class ListJobs
{
    internal static readonly string[] States = ["due", "locked", "failed", "scheduled"];

    internal sealed record Query(string? State, string? Kind, Guid? CaseId, int? Max) : IRequest<IReadOnlyList<Item>>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (State is not null && !States.Contains(State, StringComparer.Ordinal))
            {
                errors["state"] = [$"'{State}' is not a job state: {string.Join(", ", States)}."];
            }

            if (Max is < 1 or > 1000)
            {
                errors["max"] = ["max is from 1 to 1000."];
            }

            return errors;
        }
    }

    internal sealed record Item(Guid Id, Guid? CaseId, string? DefinitionId, string ElementId, string Kind, string State, DateTimeOffset DueAt,
        int Retries, string? LockOwner, DateTimeOffset? LockExpiresAt, string? LastError, DateTimeOffset CreatedAt);

    internal sealed class Handler(IWorkflowStore store, TimeProvider time) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var query = new JobQuery { Kind = request.Kind, InstanceId = request.CaseId, Max = request.Max ?? 100 };
            query = request.State switch
            {
                "due" => query with { Failed = false, DueBefore = now, UnlockedAt = now },
                "locked" => query with { LockedAt = now },
                "failed" => query with { Failed = true },
                "scheduled" => query with { Failed = false, UnlockedAt = now },
                _ => query,
            };
            var jobs = await store.QueryJobsAsync(query, cancellationToken);
            return [.. jobs.Where(j => request.State != "scheduled" || j.DueAt > now)
                .Select(j => new Item(j.Id, j.InstanceId, j.DefinitionId, j.ElementId, j.Kind, StateOf(j, now), j.DueAt, j.Retries,
                    j.LockOwner, j.LockExpiresAt, j.LastError, j.CreatedAt))];
        }

        private static string StateOf(JobRecord job, DateTimeOffset now) =>
            job.LockExpiresAt is { } lease && lease > now ? "locked"
            : job.Retries == 0 ? "failed"
            : job.DueAt <= now ? "due"
            : "scheduled";
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/jobs", async Task<Ok<IReadOnlyList<Item>>> (string? state, string? kind, Guid? caseId, int? max, IMediator mediator,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(state, kind, caseId, max), cancellationToken)))
            .ProducesValidationProblem()
            .WithName("ListJobs");
}
