using System.Security.Claims;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Cases;

/// <summary><c>POST /api/cases {definitionKey,businessKey?,variables?}</c> → 201 <c>{id,businessKey,status}</c>.</summary>
internal static class StartCase
{
    internal sealed record Body(string? DefinitionKey, string? BusinessKey, JsonObject? Variables);

    internal sealed record Command(string? DefinitionKey, string? BusinessKey, JsonObject? Variables, string UserName)
        : IRequest<CaseSnapshot>, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate() =>
            string.IsNullOrWhiteSpace(DefinitionKey)
                ? new Dictionary<string, string[]> { ["definitionKey"] = ["The definition key is required."] }
                : new Dictionary<string, string[]>();
    }

    internal sealed record Response(Guid Id, string? BusinessKey, string Status);

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, CaseSnapshot>
    {
        public Task<CaseSnapshot> Handle(Command request, CancellationToken cancellationToken) =>
            engine.StartAsync(request.DefinitionKey!, request.BusinessKey, request.Variables, request.UserName, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapPost("/", async Task<Created<Response>> (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var snapshot = await mediator.Send(
                    new Command(body.DefinitionKey, body.BusinessKey, body.Variables, user.UserName()), cancellationToken);
                return TypedResults.Created($"/api/cases/{snapshot.Id}", new Response(snapshot.Id, snapshot.BusinessKey, snapshot.Status));
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("StartCase");
}
