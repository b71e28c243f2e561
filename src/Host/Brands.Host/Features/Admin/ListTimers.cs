using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>GET /api/admin/timers?caseId=&amp;dueBefore=&amp;max=</c>: scheduled timers in due order — which case (none for a
/// timer start event, which names its definition), which element, due when, and the timer's value.
/// </summary>
internal static class ListTimers
{
    internal sealed record Query(Guid? CaseId, DateTimeOffset? DueBefore, int? Max) : IRequest<IReadOnlyList<Item>>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate() => Max is < 1 or > 1000
            ? new Dictionary<string, string[]> { ["max"] = ["max is from 1 to 1000."] }
            : new Dictionary<string, string[]>();
    }

    internal sealed record Item(Guid JobId, Guid? CaseId, string? DefinitionId, string ElementId, string Kind, DateTimeOffset DueAt, string? Value, int Retries);

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var max = request.Max ?? 100;
            var timers = await store.QueryJobsAsync(new JobQuery { Kind = JobKind.Timer, InstanceId = request.CaseId, DueBefore = request.DueBefore, Max = max }, cancellationToken);
            var starts = request.CaseId is null
                ? await store.QueryJobsAsync(new JobQuery { Kind = JobKind.TimerStart, DueBefore = request.DueBefore, Max = max }, cancellationToken)
                : [];
            return [.. timers.Concat(starts).OrderBy(j => j.DueAt).ThenBy(j => j.Id).Take(max)
                .Select(j => new Item(j.Id, j.InstanceId, j.DefinitionId, j.ElementId, j.Kind, j.DueAt, ValueOf(j), j.Retries))];
        }

        private static string? ValueOf(JobRecord job) =>
            job.PayloadJson is { } json && JsonNode.Parse(json) is JsonObject payload ? (string?)payload["value"] : null;
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/timers", async Task<Ok<IReadOnlyList<Item>>> (Guid? caseId, DateTimeOffset? dueBefore, int? max, IMediator mediator,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(caseId, dueBefore, max), cancellationToken)))
            .ProducesValidationProblem()
            .WithName("ListTimers");
}
