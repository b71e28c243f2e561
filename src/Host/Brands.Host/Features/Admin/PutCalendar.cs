using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Calendar;
using Brands.Host.Infrastructure.Mediation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>PUT /api/admin/calendars/{year}</c> with the year's document → 200 with it as stored. It replaces the year's
/// calendar for timers and due dates computed from now on (timers already set keep their dates); every node has it
/// within <c>Calendars:RefreshInterval</c>. 400 names each bad date.
/// </summary>
internal static class PutCalendar
{
    internal sealed record Command(int Year, CalendarDocument? Document) : IRequest<CalendarResponse>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate() => Document is null
            ? new Dictionary<string, string[]> { ["body"] = ["The calendar document is required: {year, holidays:[{date,name}], workingDays:[{date,name}]}."] }
            : Document.Validate(Year);
    }

    internal sealed class Handler(CalendarStore store, AccessScope scope) : IRequestHandler<Command, CalendarResponse>
    {
        public async Task<CalendarResponse> Handle(Command request, CancellationToken cancellationToken) =>
            CalendarResponse.From(await store.SaveAsync(request.Document!, scope.User.UserName, cancellationToken));
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPut("/calendars/{year:int}", async Task<Ok<CalendarResponse>> (int year, CalendarDocument? body,
                IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(year, body), cancellationToken)))
            .ProducesValidationProblem()
            .WithName("PutCalendar");
}
