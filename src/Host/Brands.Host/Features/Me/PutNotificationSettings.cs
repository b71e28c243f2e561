using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Email;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Me;

/// <summary>
/// <c>PUT /api/me/notifications {language?,delivery?}</c> → the settings: <c>language</c> <c>zh-CN</c> or <c>en</c>,
/// <c>delivery</c> <c>immediate</c> (each notification mailed as it happens) or <c>digest</c> (one mail a day); a field
/// left out keeps its value. 400 naming the field for any other value.
/// </summary>
internal static class PutNotificationSettings
{
    internal sealed record Body(string? Language, string? Delivery);

    internal sealed record Command(string? Language, string? Delivery) : IRequest<GetNotificationSettings.Response>, ISelfRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Language is not null && !MailLanguages.All.Contains(Language))
            {
                errors["language"] = [$"'{Language}' is not a language of the mail: {string.Join(" or ", MailLanguages.All)}."];
            }

            if (Delivery is not null && !MailDelivery.All.Contains(Delivery))
            {
                errors["delivery"] = [$"'{Delivery}' is not a delivery: {string.Join(" or ", MailDelivery.All)}."];
            }

            return errors;
        }
    }

    internal sealed class Handler(AccessScope scope, MailDbContext mail, BrandsIdentityDbContext identity, TimeProvider time)
        : IRequestHandler<Command, GetNotificationSettings.Response>
    {
        public async Task<GetNotificationSettings.Response> Handle(Command request, CancellationToken cancellationToken)
        {
            var userName = scope.User.UserName;
            var setting = await mail.Settings.FirstOrDefaultAsync(s => s.UserName == userName, cancellationToken);
            if (setting is null)
            {
                setting = new NotificationSetting { UserName = userName, Language = MailLanguages.Chinese, Delivery = MailDelivery.Immediate };
                mail.Settings.Add(setting);
            }

            setting.Language = request.Language ?? setting.Language;
            setting.Delivery = request.Delivery ?? setting.Delivery;
            setting.UpdatedAt = time.GetUtcNow();
            try
            {
                await mail.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two first saves of the same user's settings at once: the other one is stored.
                throw new WorkflowConflictException("Your notification settings were saved by another request at the same moment; try again.");
            }

            return await GetNotificationSettings.ReadAsync(userName, mail, identity, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder me) =>
        me.MapPut("/notifications", async Task<Ok<GetNotificationSettings.Response>> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(body.Language, body.Delivery), cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("PutNotificationSettings")
            .WithDescription($"language: {string.Join(" | ", MailLanguages.All)}; delivery: {string.Join(" | ", MailDelivery.All)}.");
}
