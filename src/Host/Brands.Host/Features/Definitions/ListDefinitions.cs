using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mapping;
using Brands.Workflows.Persistence;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary><c>GET /api/definitions</c>: the latest version of every process, ordered by key.</summary>
internal static class ListDefinitions
{
    internal sealed record Query : IRequest<IReadOnlyList<Item>>, IAdminRequest;

    internal sealed record Item(string Id, string Key, int Version, string? Name, DateTimeOffset DeployedAt);

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            [.. (await store.ListLatestDefinitionsAsync(cancellationToken))
                .Adapt<List<Item>>(Mappings.Config)];
    }

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/", async Task<Ok<IReadOnlyList<Item>>> (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListDefinitions");
}
