using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mapping;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Admin;

/// <summary><c>GET /api/admin/users</c>: every user with organisation, roles and given groups, by user name; national administrators only.</summary>
internal static class ListUsers
{
    internal sealed record Query : IRequest<IReadOnlyList<Item>>, IAdminRequest;

    internal sealed record Item(string UserName, string? DisplayName, string? Email, string? OrganisationCode, bool MustChangePassword)
    {
        public IReadOnlyList<string> Roles { get; init; } = [];
        public IReadOnlyList<string> Groups { get; init; } = [];
    }

    internal sealed class Handler(BrandsIdentityDbContext db) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.OrganisationCode, u.MustChangePassword })
                .ToListAsync(cancellationToken);
            var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
                .ToLookup(x => x.UserId, x => x.Name!);
            var groups = (await db.UserClaims.Where(c => c.ClaimType == BrandsClaimTypes.Group).Select(c => new { c.UserId, c.ClaimValue })
                    .ToListAsync(cancellationToken))
                .ToLookup(x => x.UserId, x => x.ClaimValue!);
            return [.. users
                .OrderBy(u => u.UserName, StringComparer.Ordinal)
                .Select(u => u.Adapt<Item>(Mappings.Config) with { Roles = [.. roles[u.Id].Order(StringComparer.Ordinal)], Groups = [.. groups[u.Id]] })];
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/users", async Task<Ok<IReadOnlyList<Item>>> (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithName("ListUsers");
}
