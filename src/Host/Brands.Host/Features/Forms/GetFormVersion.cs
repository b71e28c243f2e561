using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Forms;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Forms;

/// <summary><c>GET /api/forms/{id}/versions/{version}</c>: the schema of one version. Any signed-in user: forms hold no case data.</summary>
internal static class GetFormVersion
{
    internal sealed record Query(string Id, int Version) : IRequest<StoredForm?>, ISignedInRequest;

    internal sealed class Handler(FormStore forms) : IRequestHandler<Query, StoredForm?>
    {
        public Task<StoredForm?> Handle(Query request, CancellationToken cancellationToken) =>
            forms.FindVersionAsync(request.Id, request.Version, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder forms) =>
        forms.MapGet("/{id}/versions/{version:int}", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string id, int version, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(id, version), cancellationToken) is { } form
                    ? TypedResults.Text(form.SchemaJson, "application/json")
                    : TypedResults.Problem($"No version {version} of form '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            .Produces<object>(contentType: "application/json")
            .WithName("GetFormVersion");
}
