using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/assign {userName}</c> → 204: makes the user the assignee, whoever held the task
/// (<c>userName</c> null: back to the candidates). National administrators and managers of one of the task's
/// candidate groups (the provincial administrators of the group's province) may; the new assignee must exist and
/// be allowed to see the case (400 otherwise).
/// </summary>
internal static class AssignTask
{
    internal sealed record Body(string? UserName);

    internal sealed record Command(Guid TaskId, string? UserName) : IRequest<Unit>, ITaskRequest
    {
        public TaskAction Action => TaskAction.Assign;
    }

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope, AccessDecision decision, CaseAccess access)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            string? assignee = null;
            if (!string.IsNullOrWhiteSpace(request.UserName))
            {
                var target = await access.UserAsync(request.UserName, cancellationToken)
                    ?? throw new RequestValidationException(Field($"No user named '{request.UserName}'."));
                var task = decision.Task!;
                if (!target.IsInvolvedIn(task) && !await access.MaySeeAsync(target, decision.Case!, cancellationToken))
                {
                    throw new RequestValidationException(Field($"'{target.UserName}' may not see this case, so cannot be assigned its task."));
                }

                assignee = target.UserName;
            }

            await engine.AssignTaskAsync(request.TaskId, assignee, scope.User.UserName, cancellationToken);
            return Unit.Value;
        }

        private static Dictionary<string, string[]> Field(string message) => new() { ["userName"] = [message] };
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/assign", async Task<NoContent> (Guid id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id, body.UserName), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AssignTask");
}
