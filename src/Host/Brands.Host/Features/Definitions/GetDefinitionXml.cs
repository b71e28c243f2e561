using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary><c>GET /api/definitions/{key}/xml</c>: the BPMN file of the latest version.</summary>
internal static class GetDefinitionXml
{
    internal sealed record Query(string Key) : IRequest<string?>, IAdminRequest;

    internal sealed class Handler(IWorkflowStore store) : IRequestHandler<Query, string?>
    {
        public async Task<string?> Handle(Query request, CancellationToken cancellationToken) =>
            (await store.FindLatestDefinitionAsync(request.Key, cancellationToken))?.Xml;
    }

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/{key}/xml", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string key, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(key), cancellationToken) is { } xml
                    ? TypedResults.Text(xml, "application/xml")
                    : TypedResults.Problem($"No definition with key '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            .RequireAuthorization(Policies.Admin)
            .Produces<string>(contentType: "application/xml")
            .WithName("GetDefinitionXml");
}
