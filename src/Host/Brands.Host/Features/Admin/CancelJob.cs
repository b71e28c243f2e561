using Brands.Host.Infrastructure.Access;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>POST /api/admin/jobs/{id}/cancel</c> → 204: a case's timer or a job without a case is removed (see
/// <see cref="WorkflowEngine.CancelJobAsync"/>); 400 for a job that carries a token on (retry it instead), 404, and 409
/// while a node runs it.
/// </summary>
internal static class CancelJob
{
    internal sealed record Command(Guid JobId) : IRequest<Unit>, IAdminRequest;

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await engine.CancelJobAsync(request.JobId, scope.User.UserName, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/jobs/{id:guid}/cancel", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CancelJob");
}
