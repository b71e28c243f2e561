using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>GET /api/definitions/{key}/versions</c>: every deployed version of a process, newest first, with how many of its
/// cases are active, completed and terminated.
/// </summary>
internal static class ListDefinitionVersions
{
    internal sealed record Query(string Key) : IRequest<IReadOnlyList<Item>?>, IAdminRequest;

    internal sealed record Item(string Id, string Key, int Version, string? Name, DateTimeOffset DeployedAt, int ActiveCases, int CompletedCases, int TerminatedCases);

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

            var counts = (await store.CountCasesByVersionAsync(request.Key, cancellationToken)).ToDictionary(c => c.Version);
            var items = new List<Item> { ToItem(latest, counts) };
            for (var version = latest.Version - 1; version >= 1; version--)
            {
                if (await store.FindDefinitionAsync(request.Key, version, cancellationToken) is { } record)
                {
                    items.Add(ToItem(record, counts));
                }
            }

            return items;
        }

        private static Item ToItem(DefinitionRecord record, Dictionary<int, VersionCaseCounts> counts)
        {
            var count = counts.GetValueOrDefault(record.Version) ?? new VersionCaseCounts(record.Version, 0, 0, 0);
            return new(record.Id, record.Key, record.Version, record.Name, record.DeployedAt, count.Active, count.Completed, count.Terminated);
        }
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
