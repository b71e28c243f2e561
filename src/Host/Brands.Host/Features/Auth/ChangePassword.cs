using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mediation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Features.Auth;

/// <summary>
/// <c>POST /api/auth/change-password {currentPassword,newPassword}</c> → 204; the signed-in user's own password.
/// Clears the must-change mark of a first administrator: sign in again for a token without it.
/// </summary>
internal static class ChangePassword
{
    internal sealed record Body(string? CurrentPassword, string? NewPassword);

    internal sealed record Command(string? CurrentPassword, string? NewPassword) : IRequest<Unit>, IValidatedRequest, ISelfRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrEmpty(CurrentPassword))
            {
                errors["currentPassword"] = ["The current password is required."];
            }

            if (string.IsNullOrEmpty(NewPassword))
            {
                errors["newPassword"] = ["The new password is required."];
            }
            else if (NewPassword == CurrentPassword)
            {
                errors["newPassword"] = ["The new password must differ from the current one."];
            }

            return errors;
        }
    }

    internal sealed class Handler(UserManager<BrandsUser> users, AccessScope scope) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByNameAsync(scope.User.UserName)
                ?? throw new AccessDeniedException("The signed-in user no longer exists.");
            if (!await users.CheckPasswordAsync(user, request.CurrentPassword!))
            {
                throw new RequestValidationException(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
            }

            var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
            if (!changed.Succeeded)
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    ["newPassword"] = [.. changed.Errors.Select(e => e.Description)],
                });
            }

            if (user.MustChangePassword)
            {
                user.MustChangePassword = false;
                await users.UpdateAsync(user);
            }

            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/change-password", async Task<NoContent> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new Command(body.CurrentPassword, body.NewPassword), cancellationToken);
                return TypedResults.NoContent();
            })
            .AllowedBeforePasswordChange()
            .ProducesValidationProblem()
            .WithName("ChangePassword");
}
