using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mapping;
using Brands.Workflows.Persistence;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Cases;

/// <summary><c>GET /api/cases/{id}/history</c>: the case's timeline, oldest first; 404 for a case the caller may not see.</summary>
internal static class GetCaseHistory
{
    internal sealed record Query(Guid CaseId) : IRequest<IReadOnlyList<Entry>>, ICaseRequest;

    internal sealed record Entry(long Sequence, DateTimeOffset At, string Kind, string? ElementId, string? UserId, JsonNode? Data);

    internal sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) =>
            config.NewConfig<HistoryRecord, Entry>()
                .Map(entry => entry.Data, record => record.DataJson == null ? null : JsonNode.Parse(record.DataJson, null, default));
    }

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, IReadOnlyList<Entry>>
    {
        public async Task<IReadOnlyList<Entry>> Handle(Query request, CancellationToken cancellationToken) =>
            (await store.GetHistoryAsync(request.CaseId, cancellationToken))
                .OrderBy(h => h.Sequence)
                .Adapt<List<Entry>>(Mappings.Config);
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}/history", async Task<Ok<IReadOnlyList<Entry>>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCaseHistory");
}
