using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Audit;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Forms;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Forms;

/// <summary>
/// <c>POST /api/forms</c> with a form-js schema as the body: its <c>id</c> is the form id → 201 <c>{id,version}</c>
/// for a new version, 200 with the latest version when the schema equals it, 400 with the reason for a body that is
/// not a form-js schema, 413 over <see cref="MaxSchemaBytes"/>. National administrators only.
/// </summary>
internal static class SaveForm
{
    /// <summary>Forms are small; a schema over 256 KB is refused.</summary>
    public const long MaxSchemaBytes = 256 * 1024;

    internal sealed record Command(string Json) : IRequest<Outcome>, IAdminRequest;

    internal sealed record Response(string Id, int Version);

    internal sealed record Outcome(Response? Saved, bool Created, string? Problem) : IRefusableResponse
    {
        public string? Refusal => Problem;
    }

    internal sealed class Handler(FormStore forms, AccessScope scope) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            if (FormSchemaCheck.Problem(request.Json, out var schema) is { } problem)
            {
                return new Outcome(null, false, problem);
            }

            var (form, created) = await forms.SaveAsync((string)schema!["id"]!, schema, scope.User.UserName, cancellationToken);
            return new Outcome(new Response(form.FormId, form.Version), created, null);
        }
    }

    public static void Map(IEndpointRouteBuilder forms) =>
        forms.MapPost("/", async Task<Results<Created<Response>, Ok<Response>, ProblemHttpResult>> (
                HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var json = await LimitedBodyReader.ReadTextAsync(request, MaxSchemaBytes, cancellationToken);
                var outcome = await mediator.Send(new Command(json), cancellationToken);
                if (outcome.Saved is not { } saved)
                {
                    return TypedResults.Problem(outcome.Problem, statusCode: StatusCodes.Status400BadRequest, title: "The form schema was refused.");
                }

                return outcome.Created
                    ? TypedResults.Created($"/api/forms/{Uri.EscapeDataString(saved.Id)}/versions/{saved.Version}", saved)
                    : TypedResults.Ok(saved);
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<object>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("SaveForm");
}
