using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Audit;
using Brands.Host.Infrastructure.Mapping;
using Brands.Host.Infrastructure.Mediation;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>GET /api/admin/audit?user=&amp;action=&amp;from=&amp;to=&amp;page=&amp;pageSize=</c>: the audit log, newest first,
/// a page at a time (<c>pageSize</c> 1–500, default 50): sign-ins and administrative actions, filtered by user name,
/// action (both exact) and time (<c>from</c> inclusive, <c>to</c> exclusive). National administrators only.
/// </summary>
internal static class ListAuditLog
{
    internal sealed record Query(string? User, string? Action, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize)
        : IRequest<Response>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Page is < 1)
            {
                errors["page"] = ["page starts at 1."];
            }

            if (PageSize is < 1 or > 500)
            {
                errors["pageSize"] = ["pageSize is from 1 to 500."];
            }

            if (From is { } from && To is { } to && from >= to)
            {
                errors["to"] = ["to must be after from."];
            }

            return errors;
        }
    }

    internal sealed record Item(long Id, DateTimeOffset At, string? UserName, string Action, string Outcome, string? Client, string? Target,
        string? OnBehalfOf, string? Detail);

    internal sealed record Response(IReadOnlyList<Item> Items, int Page, int PageSize, int Total);

    internal sealed class Handler(AuditDbContext db) : IRequestHandler<Query, Response>
    {
        public async Task<Response> Handle(Query request, CancellationToken cancellationToken)
        {
            var entries = db.Entries.AsNoTracking();
            if (!string.IsNullOrEmpty(request.User))
            {
                entries = entries.Where(e => e.UserName == request.User);
            }

            if (!string.IsNullOrEmpty(request.Action))
            {
                entries = entries.Where(e => e.Action == request.Action);
            }

            if (request.From is { } from)
            {
                entries = entries.Where(e => e.At >= from);
            }

            if (request.To is { } to)
            {
                entries = entries.Where(e => e.At < to);
            }

            var page = request.Page ?? 1;
            var pageSize = request.PageSize ?? 50;
            var total = await entries.CountAsync(cancellationToken);
            var items = await entries.OrderByDescending(e => e.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .ProjectToType<Item>(Mappings.Config)
                .ToListAsync(cancellationToken);
            return new Response(items, page, pageSize, total);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/audit", async Task<Ok<Response>> (
                string? user, string? action, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
                IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(user, action, from, to, page, pageSize), cancellationToken)))
            .ProducesValidationProblem()
            .WithName("ListAuditLog");
}
