using System.Text.Json.Nodes;
using Brands.Host.Features.Cases;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Events;

/// <summary>
/// <c>POST /api/signals {name,variables?}</c> → 202 <c>{receivers}</c>: every case waiting for the signal and every
/// signal start event gets its own delivery, run by the job executor; 0 receivers is not an error.
/// </summary>
internal static class BroadcastSignal
{
    internal sealed record Body(string? Name, JsonObject? Variables);

    internal sealed record Command(string? Name, JsonObject? Variables) : IRequest<int>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>(CaseVariables.RefuseOwned(Variables));
            if (string.IsNullOrWhiteSpace(Name))
            {
                errors["name"] = ["The signal name is required."];
            }

            return errors;
        }
    }

    internal sealed record Response(int Receivers);

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command request, CancellationToken cancellationToken) =>
            engine.BroadcastSignalAsync(request.Name!, request.Variables, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder signals) =>
        signals.MapPost("/", async Task<Accepted<Response>> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var receivers = await mediator.Send(new Command(body.Name, body.Variables), cancellationToken);
                return TypedResults.Accepted((string?)null, new Response(receivers));
            })
            .ProducesValidationProblem()
            .WithName("BroadcastSignal");
}
