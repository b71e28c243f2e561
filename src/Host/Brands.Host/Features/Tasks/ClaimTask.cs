using Brands.Host.Infrastructure.Access;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/claim</c> → 204; only a candidate (user, or member of a candidate group) may claim (403);
/// 409 when someone else holds the task or it is finished; 404 when the caller may not see it.
/// </summary>
internal static class ClaimTask
{
    internal sealed record Command(Guid TaskId) : IRequest<Unit>, ITaskRequest
    {
        public TaskAction Action => TaskAction.Claim;
    }

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await engine.ClaimTaskAsync(request.TaskId, scope.User.UserName, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/claim", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ClaimTask");
}
