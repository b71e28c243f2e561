using Brands.Host.Infrastructure.Mediation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Features.Auth;

/// <summary>
/// <c>POST /api/auth/login {userName,password}</c> → 200 <c>{accessToken,…}</c>; wrong credentials → 401.
/// With <c>?useCookies=true</c> it signs in with the application cookie instead, as Identity's own API endpoints do:
/// that is how the browser pages (the designer) sign in.
/// </summary>
internal static class Login
{
    internal sealed record Command(string? UserName, string? Password) : IRequest<SignInResult>, IValidatedRequest
    {
        /// <summary>Sign in with the cookie rather than a bearer token; taken from the query, never from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public bool UseCookies { get; init; }

        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(UserName))
            {
                errors["userName"] = ["The user name is required."];
            }

            if (string.IsNullOrEmpty(Password))
            {
                errors["password"] = ["The password is required."];
            }

            return errors;
        }
    }

    /// <summary>
    /// Signs in with the bearer-token scheme: on success the token handler writes
    /// <c>{tokenType,accessToken,expiresIn,refreshToken}</c> itself, as Identity's own API endpoints do.
    /// </summary>
    internal sealed class Handler(SignInManager<IdentityUser> signInManager) : IRequestHandler<Command, SignInResult>
    {
        public Task<SignInResult> Handle(Command request, CancellationToken cancellationToken)
        {
            signInManager.AuthenticationScheme = request.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            return signInManager.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        }
    }

    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (Command command, bool? useCookies, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var result = await mediator.Send(command with { UseCookies = useCookies == true }, cancellationToken);
                if (result.Succeeded)
                {
                    return TypedResults.Empty;
                }

                var detail = result.IsLockedOut
                    ? "The account is locked after too many failed sign-ins; try again later."
                    : "Wrong user name or password.";
                return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
            })
            .AllowAnonymous()
            .WithName("Login")
            .Produces<AccessTokenDescription>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>What the bearer-token handler writes, for the API description.</summary>
    internal sealed record AccessTokenDescription(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
