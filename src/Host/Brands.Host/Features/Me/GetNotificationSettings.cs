using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Email;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Me;

/// <summary>
/// <c>GET /api/me/notifications</c> → <c>{language,delivery,email}</c>: how the signed-in user gets mail (README,
/// "Email"); Chinese and immediate until they choose otherwise.
/// </summary>
internal static class GetNotificationSettings
{
    internal sealed record Query : IRequest<Response>, ISelfRequest;

    internal sealed record Response(string Language, string Delivery, string? Email);

    internal sealed class Handler(AccessScope scope, MailDbContext mail, BrandsIdentityDbContext identity) : IRequestHandler<Query, Response>
    {
        public async Task<Response> Handle(Query request, CancellationToken cancellationToken) =>
            await ReadAsync(scope.User.UserName, mail, identity, cancellationToken);
    }

    internal static async Task<Response> ReadAsync(string userName, MailDbContext mail, BrandsIdentityDbContext identity, CancellationToken cancellationToken)
    {
        var setting = await mail.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.UserName == userName, cancellationToken);
        var email = await identity.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return new Response(setting?.Language ?? MailLanguages.Chinese, setting?.Delivery ?? MailDelivery.Immediate, email);
    }

    public static void Map(IEndpointRouteBuilder me) =>
        me.MapGet("/notifications", async Task<Ok<Response>> (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(), cancellationToken)))
            .WithName("GetNotificationSettings");
}
