using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mapping;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Admin;

/// <summary><c>GET /api/admin/organisations</c>: every organisation, by code; national administrators only.</summary>
internal static class ListOrganisations
{
    internal sealed record Query : IRequest<IReadOnlyList<CreateOrganisation.Response>>, IAdminRequest;

    internal sealed class Handler(BrandsIdentityDbContext db) : IRequestHandler<Query, IReadOnlyList<CreateOrganisation.Response>>
    {
        public async Task<IReadOnlyList<CreateOrganisation.Response>> Handle(Query request, CancellationToken cancellationToken) =>
            [.. (await db.Organisations.AsNoTracking()
                    .ProjectToType<CreateOrganisation.Response>(Mappings.Config)
                    .ToListAsync(cancellationToken))
                .OrderBy(o => o.Code, StringComparer.Ordinal)];
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/organisations", async Task<Ok<IReadOnlyList<CreateOrganisation.Response>>> (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithName("ListOrganisations");
}
