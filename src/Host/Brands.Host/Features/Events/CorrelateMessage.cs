using System.Text.Json.Nodes;
using Brands.Host.Features.Cases;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Events;

/// <summary>
/// <c>POST /api/messages {name,businessKey?,correlationKeys?,variables?}</c> → 200 <c>{caseId}</c>: the one case waiting
/// for the message moves on, or a case starts at the message start event. 404 when nothing waits for it; 409 listing
/// the cases when several match (docs/engine.md, "Messages").
/// </summary>
internal static class CorrelateMessage
{
    internal sealed record Body(string? Name, string? BusinessKey, JsonObject? CorrelationKeys, JsonObject? Variables);

    internal sealed record Command(string? Name, string? BusinessKey, JsonObject? CorrelationKeys, JsonObject? Variables)
        : IRequest<Guid>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>(CaseVariables.RefuseOwned(Variables));
            if (string.IsNullOrWhiteSpace(Name))
            {
                errors["name"] = ["The message name is required."];
            }

            return errors;
        }
    }

    internal sealed record Response(Guid CaseId);

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command request, CancellationToken cancellationToken) =>
            engine.CorrelateMessageAsync(request.Name!, request.BusinessKey, request.CorrelationKeys, request.Variables, scope.User.UserName, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder messages) =>
        messages.MapPost("/", async Task<Ok<Response>> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var caseId = await mediator.Send(new Command(body.Name, body.BusinessKey, body.CorrelationKeys, body.Variables), cancellationToken);
                return TypedResults.Ok(new Response(caseId));
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CorrelateMessage");
}
