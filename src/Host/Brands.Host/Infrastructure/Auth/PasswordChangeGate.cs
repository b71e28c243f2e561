namespace Brands.Host.Infrastructure.Auth;

/// <summary>
/// Refuses every API call of a user who must change their password (a first administrator from configuration)
/// with a 403 problem that says what to do, except the endpoints marked <see cref="AllowedBeforePasswordChange"/>.
/// </summary>
internal static class PasswordChangeGate
{
    private sealed class AllowedMarker;

    public static RouteHandlerBuilder AllowedBeforePasswordChange(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new AllowedMarker());

    public static RouteGroupBuilder RequirePasswordChanged(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.HasClaim(BrandsClaimTypes.MustChangePassword, "true")
                && http.GetEndpoint()?.Metadata.GetMetadata<AllowedMarker>() is null)
            {
                return TypedResults.Problem(
                    "Change your password first: POST /api/auth/change-password {currentPassword,newPassword}, then sign in again.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Password change required.");
            }

            return await next(context);
        });
}
