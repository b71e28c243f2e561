using System.Text.Json.Nodes;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Cases;

/// <summary><c>GET /api/cases/{id}/history</c>: the case's timeline, oldest first.</summary>
internal static class GetCaseHistory
{
    internal sealed record Query(Guid CaseId) : IRequest<IReadOnlyList<Entry>?>;

    internal sealed record Entry(long Sequence, DateTimeOffset At, string Kind, string? ElementId, string? UserId, JsonNode? Data);

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, IReadOnlyList<Entry>?>
    {
        public async Task<IReadOnlyList<Entry>?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await store.GetInstanceAsync(request.CaseId, cancellationToken) is null)
            {
                return null;
            }

            var history = await store.GetHistoryAsync(request.CaseId, cancellationToken);
            return [.. history
                .OrderBy(h => h.Sequence)
                .Select(h => new Entry(h.Sequence, h.At, h.Kind, h.ElementId, h.UserId,
                    h.DataJson is null ? null : JsonNode.Parse(h.DataJson)))];
        }
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}/history", async Task<Results<Ok<IReadOnlyList<Entry>>, ProblemHttpResult>> (
                Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(id), cancellationToken) is { } entries
                    ? TypedResults.Ok(entries)
                    : GetCase.NotFound(id))
            .WithName("GetCaseHistory");
}
