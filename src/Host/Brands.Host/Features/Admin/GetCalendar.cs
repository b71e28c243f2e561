using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Calendar;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary><c>GET /api/admin/calendars/{year}</c>: the year's public holidays and make-up working days; 404 when none is stored.</summary>
internal static class GetCalendar
{
    internal sealed record Query(int Year) : IRequest<CalendarResponse>, IAdminRequest;

    internal sealed class Handler(CalendarStore store) : IRequestHandler<Query, CalendarResponse>
    {
        public async Task<CalendarResponse> Handle(Query request, CancellationToken cancellationToken) =>
            await store.FindAsync(request.Year, cancellationToken) is { } row
                ? CalendarResponse.From(row)
                : throw new WorkflowNotFoundException($"No business calendar is stored for {request.Year}; working days that year are Monday to Friday.");
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/calendars/{year:int}", async Task<Ok<CalendarResponse>> (int year, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(year), cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCalendar");
}
