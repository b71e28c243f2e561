using Brands.Host.Infrastructure.Access;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>POST /api/admin/outbox/{id}/resend</c> → 204: the message is sent again at the next dispatch (its attempts counted
/// afresh), with the same Message-ID, so mail clients recognise it (README, "Email"). 404 for an unknown id; 409 while
/// a node is sending it.
/// </summary>
internal static class ResendOutboxMessage
{
    internal sealed record Command(Guid Id) : IRequest<Unit>, IAdminRequest;

    internal sealed class Handler(IOutboxStore outbox, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var message = await outbox.GetOutboxMessageAsync(request.Id, cancellationToken)
                ?? throw new WorkflowNotFoundException($"There is no outbox message {request.Id}.");
            if (message.LockExpiresAt is { } lease && lease > now)
            {
                throw new WorkflowConflictException($"Outbox message {request.Id} is being sent by {message.LockOwner} now; try again shortly.");
            }

            if (!await outbox.ResetOutboxMessageAsync(request.Id, now, cancellationToken))
            {
                throw new WorkflowNotFoundException($"There is no outbox message {request.Id}.");
            }

            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/outbox/{id:guid}/resend", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(id), cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ResendOutboxMessage");
}
