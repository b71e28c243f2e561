using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary><c>GET /api/definitions/{key}/versions</c>: every deployed version of a process, newest first.</summary>
internal static class ListDefinitionVersions
{
    internal sealed record Query(string Key) : IRequest<IReadOnlyList<Item>?>, IAdminRequest;

    internal sealed record Item(string Id, string Key, int Version, string? Name, DateTimeOffset DeployedAt);

    /// <remarks>Versions are numbered 1…latest without gaps (README "Definitions and versions"), so each is found by its number.</remarks>
    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, IReadOnlyList<Item>?>
    {
        public async Task<IReadOnlyList<Item>?> Handle(Query request, CancellationToken cancellationToken)
        {
            var latest = await store.FindLatestDefinitionAsync(request.Key, cancellationToken);
            if (latest is null)
            {
                return null;
            }

            var items = new List<Item> { ToItem(latest) };
            for (var version = latest.Version - 1; version >= 1; version--)
            {
                if (await store.FindDefinitionAsync(request.Key, version, cancellationToken) is { } record)
                {
                    items.Add(ToItem(record));
                }
            }

            return items;
        }

        private static Item ToItem(DefinitionRecord record) => new(record.Id, record.Key, record.Version, record.Name, record.DeployedAt);
    }

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/{key}/versions", async Task<Results<Ok<IReadOnlyList<Item>>, ProblemHttpResult>> (
                string key, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(key), cancellationToken) is { } items
                    ? TypedResults.Ok(items)
                    : TypedResults.Problem($"No definition with key '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListDefinitionVersions");
}
