using System.Security.Claims;
using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Api;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/complete {variables}</c> → 204 and the case runs on; 409 when someone else holds the
/// task or it is finished (of two concurrent completions exactly one wins).
/// </summary>
internal static class CompleteTask
{
    internal sealed record Body(JsonObject? Variables);

    internal sealed record Command(Guid TaskId, JsonObject? Variables, string UserName) : IRequest<Unit>;

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await engine.CompleteTaskAsync(request.TaskId, request.Variables, request.UserName, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/complete", async Task<NoContent> (
                Guid id, Body? body, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id, body?.Variables, user.UserName()), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CompleteTask");
}
