using System.Globalization;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Audit;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mediation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Brands.Host.Features.Auth;

/// <summary>
/// <c>POST /api/auth/login {userName,password}</c> → 200 <c>{accessToken,…}</c>; wrong credentials → 401; too many
/// recent failures from this client (or for this account from a client that failed before) → 429 with Retry-After,
/// without the password being checked (<see cref="SignInThrottle"/>). With <c>?useCookies=true</c> it signs in with
/// the application cookie instead, as Identity's own API endpoints do: that is how the browser pages sign in.
/// </summary>
internal static class Login
{
    internal sealed record Body(string? UserName, string? Password);

    internal sealed record Command(string? UserName, string? Password, string Client) : IRequest<Outcome>, IValidatedRequest, IAnonymousRequest
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

    internal sealed record Outcome(bool Succeeded, TimeSpan? RetryAfter);

    /// <summary>
    /// Signs in with the bearer-token scheme: on success the token handler writes
    /// <c>{tokenType,accessToken,expiresIn,refreshToken}</c> itself, as Identity's own API endpoints do.
    /// </summary>
    internal sealed class Handler(SignInManager<BrandsUser> signInManager, SignInThrottle throttle, AuditLog audit) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await throttle.WaitBeforeAsync(request.Client, request.UserName!, cancellationToken) is { } wait)
            {
                await audit.RecordAsync(AuditActions.SignIn, request.UserName, $"throttled: retry after {Math.Ceiling(wait.TotalSeconds)} s", request.Client);
                return new Outcome(false, wait);
            }

            signInManager.AuthenticationScheme = request.UseCookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            var result = await signInManager.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await throttle.RecordSuccessAsync(request.Client, request.UserName!, cancellationToken);
            }
            else
            {
                await throttle.RecordFailureAsync(request.Client, request.UserName!, cancellationToken);
            }

            await audit.RecordAsync(AuditActions.SignIn, request.UserName, result.Succeeded ? AuditActions.Succeeded : "failed: wrong user name or password",
                request.Client, detail: request.UseCookies ? "cookie" : "bearer token");

            return new Outcome(result.Succeeded, null);
        }
    }

    public static void Map(IEndpointRouteBuilder auth) =>
        auth.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
                Body body, bool? useCookies, HttpContext httpContext, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var outcome = await mediator.Send(
                    new Command(body.UserName, body.Password, AuthSetup.ClientOf(httpContext)) { UseCookies = useCookies == true }, cancellationToken);
                if (outcome.Succeeded)
                {
                    return TypedResults.Empty;
                }

                if (outcome.RetryAfter is { } wait)
                {
                    var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                    httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    return TypedResults.Problem($"Too many failed sign-ins; try again in {seconds} s.",
                        statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in delayed.");
                }

                return TypedResults.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
            })
            .AllowAnonymous()
            .AllowedBeforePasswordChange()
            .WithName("Login")
            .Produces<AccessTokenDescription>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>What the bearer-token handler writes, for the API description.</summary>
    internal sealed record AccessTokenDescription(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}
