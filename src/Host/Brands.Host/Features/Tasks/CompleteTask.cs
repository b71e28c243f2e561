using System.Text.Json.Nodes;
using Brands.Host.Features.Cases;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Forms;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Tasks;

/// <summary>
/// <c>POST /api/tasks/{id}/complete {variables}</c> → 204 and the case runs on. The assignee, or a candidate of an
/// unassigned task, may complete it; a national administrator may complete any task, recorded as on behalf of its
/// assignee. 409 when someone else took or finished it meanwhile (of two concurrent completions exactly one wins).
/// The variables must satisfy the task's form (README "Forms"): 400 with errors by field key, 409 when the form is not stored.
/// </summary>
internal static class CompleteTask
{
    internal sealed record Body(JsonObject? Variables);

    internal sealed record Command(Guid TaskId, JsonObject? Variables) : IRequest<Unit>, ITaskRequest, IValidatedRequest
    {
        public TaskAction Action => TaskAction.Complete;

        public IDictionary<string, string[]> Validate() => new Dictionary<string, string[]>(CaseVariables.RefuseOwned(Variables));
    }

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope, AccessDecision decision, TaskFormCheck forms) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await forms.EnsureValidAsync(decision.Task!, request.Variables, cancellationToken);
            await engine.CompleteTaskAsync(request.TaskId, request.Variables, scope.User.UserName, decision.OnBehalfOf, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/complete", async Task<NoContent> (
                Guid id, Body? body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id, body?.Variables), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CompleteTask");
}
