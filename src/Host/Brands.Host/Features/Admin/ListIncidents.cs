using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mapping;
using Brands.Workflows.Persistence;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary><c>GET /api/admin/incidents</c>: open incidents of all cases, oldest first.</summary>
internal static class ListIncidents
{
    internal sealed record Query : IRequest<IReadOnlyList<Item>>, IAdminRequest;

    internal sealed record Item(Guid Id, Guid CaseId, Guid? JobId, string ElementId, string Kind, string Message, DateTimeOffset CreatedAt);

    internal sealed class Mapping : IRegister
    {
        public void Register(TypeAdapterConfig config) =>
            config.NewConfig<IncidentRecord, Item>().Map(item => item.CaseId, record => record.InstanceId);
    }

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            [.. (await store.GetOpenIncidentsAsync(null, cancellationToken))
                .OrderBy(i => i.CreatedAt)
                .Adapt<List<Item>>(Mappings.Config)];
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/incidents", async Task<Ok<IReadOnlyList<Item>>> (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithName("ListIncidents");
}
