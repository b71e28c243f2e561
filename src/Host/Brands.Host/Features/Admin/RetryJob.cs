using Brands.Host.Infrastructure.Access;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary><c>POST /api/admin/jobs/{id}/retry</c> → 204: the job runs once more, now, and its incident is resolved.</summary>
internal static class RetryJob
{
    internal sealed record Command(Guid JobId) : IRequest<Unit>, IAdminRequest;

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await engine.RetryJobAsync(request.JobId, cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/jobs/{id:guid}/retry", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RetryJob");
}
