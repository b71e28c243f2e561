using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Inbox;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Inbox;

/// <summary>Deletes one of the user's own saved filters; a filter shared by someone else is not the user's to delete (404, as one that does not exist).</summary>
internal static class DeleteInboxFilter
{
    internal sealed record Command(long Id) : IRequest<Unit>, ISelfRequest;

    internal sealed class Handler(InboxDbContext db, AccessScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var owner = scope.User.UserName;
            var deleted = await db.SavedFilters.Where(f => f.Id == request.Id && f.Owner == owner).ExecuteDeleteAsync(cancellationToken);
            return deleted == 1 ? Unit.Value : throw new SavedFilterNotFoundException(request.Id);
        }
    }
}
