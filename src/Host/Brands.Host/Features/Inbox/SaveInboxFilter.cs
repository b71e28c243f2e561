using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Inbox;
using Brands.Host.Infrastructure.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Inbox;

/// <summary>
/// Saves the inbox's current filter under a name, for the user alone or shared with one of the user's own groups.
/// Saving a name the user already has replaces that filter. A shared filter grants nothing: whoever applies it
/// still sees only the tasks they may see.
/// </summary>
internal static class SaveInboxFilter
{
    public const int MaxNameLength = 60;

    internal sealed record Command(string? Name, string? SharedGroup, InboxFilter Filter) : IRequest<Unit>, ISelfRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = Filter.Validate();
            var name = Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors["name"] = ["The filter needs a name."];
            }
            else if (name.Length > MaxNameLength)
            {
                errors["name"] = [$"The name is longer than {MaxNameLength} characters."];
            }

            return errors;
        }
    }

    internal sealed class Handler(InboxDbContext db, AccessScope scope, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = scope.User;
            var group = string.IsNullOrWhiteSpace(request.SharedGroup) ? null : request.SharedGroup.Trim();
            if (group is not null && !user.Groups.Contains(group, StringComparer.Ordinal))
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    ["sharedGroup"] = [$"You are not a member of group '{group}': a filter can be shared only with your own groups."],
                });
            }

            var name = request.Name!.Trim();
            var query = request.Filter.WithoutPage().ToQueryString();
            var existing = await db.SavedFilters.FirstOrDefaultAsync(f => f.Owner == user.UserName && f.Name == name, cancellationToken);
            if (existing is null)
            {
                db.SavedFilters.Add(new SavedFilter { Owner = user.UserName, Name = name, SharedGroup = group, Query = query, CreatedAt = time.GetUtcNow() });
            }
            else
            {
                existing.SharedGroup = group;
                existing.Query = query;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
