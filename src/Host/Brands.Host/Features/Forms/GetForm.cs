using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Forms;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Forms;

/// <summary><c>GET /api/forms/{id}</c>: the schema of the form's latest version. Any signed-in user: forms hold no case data.</summary>
internal static class GetForm
{
    internal sealed record Query(string Id) : IRequest<StoredForm?>, ISignedInRequest;

    internal sealed class Handler(FormStore forms) : IRequestHandler<Query, StoredForm?>
    {
        public Task<StoredForm?> Handle(Query request, CancellationToken cancellationToken) =>
            forms.FindLatestAsync(request.Id, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder forms) =>
        forms.MapGet("/{id}", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                string id, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new Query(id), cancellationToken) is { } form
                    ? TypedResults.Text(form.SchemaJson, "application/json")
                    : TypedResults.Problem($"No form with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found."))
            .Produces<object>(contentType: "application/json")
            .WithName("GetForm");
}
