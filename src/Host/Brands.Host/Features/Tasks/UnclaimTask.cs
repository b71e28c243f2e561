using System.Security.Claims;
using Brands.Host.Infrastructure.Api;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary><c>POST /api/tasks/{id}/unclaim</c> → 204: the task goes back to its candidates; 409 when someone else holds it.</summary>
internal static class UnclaimTask
{
    internal sealed record Command(Guid TaskId, string UserName) : IRequest<Unit>;

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await engine.UnclaimTaskAsync(request.TaskId, request.UserName, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/unclaim", async Task<NoContent> (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id, user.UserName()), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UnclaimTask");
}
