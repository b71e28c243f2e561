using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary><c>GET /api/definitions/{key}/versions/{version}/xml</c>: the BPMN file of one version.</summary>
internal static class GetDefinitionVersionXml
{
    internal sealed record Query(string Key, int Version) : IRequest<string?>, IAdminRequest;

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, string?>
    {
        public async Task<string?> Handle(Query request, CancellationToken cancellationToken) =>
            (await store.FindDefinitionAsync(request.Key, request.Version, cancellationToken))?.Xml;
    }

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/{key}/versions/{version:int}/xml", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string key, int version, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(key, version), cancellationToken) is { } xml
                    ? TypedResults.Text(xml, "application/xml")
                    : TypedResults.Problem($"No version {version} of definition '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            .RequireAuthorization(Policies.Admin)
            .Produces<string>(contentType: "application/xml")
            .WithName("GetDefinitionVersionXml");
}
