using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Inbox;
using Brands.Host.Infrastructure.Mapping;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Inbox;

/// <summary>The saved filters a user may apply: their own, and those shared with one of their groups.</summary>
internal static class ListInboxFilters
{
    internal sealed record Query : IRequest<IReadOnlyList<Item>>, IScopedQuery;

    internal sealed record Item(long Id, string Name, string Owner, string? SharedGroup, string Query)
    {
        public bool IsOwn { get; init; }
    }

    internal sealed class Handler(InboxDbContext db, AccessScope scope) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = scope.User;
            var me = user.UserName;
            var groups = user.Groups.ToList();
            var items = await db.SavedFilters.AsNoTracking()
                .Where(f => f.Owner == me || (f.SharedGroup != null && groups.Contains(f.SharedGroup)))
                .OrderBy(f => f.Name).ThenBy(f => f.Id)
                .ProjectToType<Item>(Mappings.Config)
                .ToListAsync(cancellationToken);
            return [.. items.Select(i => i with { IsOwn = i.Owner == me })];
        }
    }
}
