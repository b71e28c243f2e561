using System.Security.Claims;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Api;
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

    internal sealed record Command(string? Name, string? BusinessKey, JsonObject? CorrelationKeys, JsonObject? Variables, string UserName)
        : IRequest<Guid>, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate() =>
            string.IsNullOrWhiteSpace(Name)
                ? new Dictionary<string, string[]> { ["name"] = ["The message name is required."] }
                : new Dictionary<string, string[]>();
    }

    internal sealed record Response(Guid CaseId);

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, Guid>
    {
        public Task<Guid> Handle(Command request, CancellationToken cancellationToken) =>
            engine.CorrelateMessageAsync(request.Name!, request.BusinessKey, request.CorrelationKeys, request.Variables, request.UserName, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder messages) =>
        messages.MapPost("/", async Task<Ok<Response>> (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var caseId = await mediator.Send(
                    new Command(body.Name, body.BusinessKey, body.CorrelationKeys, body.Variables, user.UserName()), cancellationToken);
                return TypedResults.Ok(new Response(caseId));
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CorrelateMessage");
}
