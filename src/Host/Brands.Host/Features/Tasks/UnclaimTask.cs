using Brands.Host.Infrastructure.Access;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/unclaim</c> → 204: the task goes back to its candidates. The assignee may; a national
/// administrator or a manager of the task's candidate group may too, recorded as on behalf of the assignee.
/// </summary>
internal static class UnclaimTask
{
    internal sealed record Command(Guid TaskId) : IRequest<Unit>, ITaskRequest
    {
        public TaskAction Action => TaskAction.Unclaim;
    }

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope, AccessDecision decision) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await engine.UnclaimTaskAsync(request.TaskId, scope.User.UserName, decision.OnBehalfOf, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/unclaim", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UnclaimTask");
}
