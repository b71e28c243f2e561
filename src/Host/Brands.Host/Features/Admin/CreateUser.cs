using System.Security.Claims;
using System.Text.RegularExpressions;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>POST /api/admin/users {userName,password,displayName,email,organisationCode,roles,groups}</c> → 201; national
/// administrators only. National roles need the national office, provincial roles a provincial office; groups
/// follow the naming scheme of <see cref="GroupNames"/>. All or nothing: a refused role or group leaves no user.
/// </summary>
internal static partial class CreateUser
{
    internal sealed record Body(string? UserName, string? Password, string? DisplayName, string? Email, string? OrganisationCode,
        IReadOnlyList<string>? Roles, IReadOnlyList<string>? Groups);

    internal sealed record Command(string? UserName, string? Password, string? DisplayName, string? Email, string? OrganisationCode,
        IReadOnlyList<string>? Roles, IReadOnlyList<string>? Groups) : IRequest<Response>, IValidatedRequest, IAdminRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (UserName is null || !UserNamePattern().IsMatch(UserName))
            {
                errors["userName"] = ["The user name is required: 2 to 64 letters, digits, '.', '_', '@' or '-'."];
            }

            if (string.IsNullOrEmpty(Password))
            {
                errors["password"] = ["The password is required."];
            }

            if (DisplayName is { Length: > 100 })
            {
                errors["displayName"] = ["The display name is at most 100 characters."];
            }

            if (Email is not null && !EmailPattern().IsMatch(Email))
            {
                errors["email"] = ["The email address is not valid."];
            }

            if (string.IsNullOrWhiteSpace(OrganisationCode))
            {
                errors["organisationCode"] = ["The organisation is required."];
            }

            if (Roles is null || Roles.Count == 0 || Roles.Any(r => !Infrastructure.Auth.Roles.All.Contains(r)))
            {
                errors["roles"] = [$"At least one role, each one of: {string.Join(", ", Infrastructure.Auth.Roles.All)}."];
            }

            if (Groups?.FirstOrDefault(g => !GroupNames.IsValidGivenName(g)) is { } badGroup)
            {
                errors["groups"] = [$"'{badGroup}' is not a group name: lower-case letters, digits and dashes, optionally ':' and a province code."];
            }

            return errors;
        }
    }

    internal sealed record Response(string UserName, string? DisplayName, string? Email, string OrganisationCode, string Province,
        IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    internal sealed class Handler(UserManager<BrandsUser> users, BrandsIdentityDbContext db) : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command request, CancellationToken cancellationToken)
        {
            var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == request.OrganisationCode, cancellationToken)
                ?? throw Invalid("organisationCode", $"No organisation with code '{request.OrganisationCode}'.");
            var roles = request.Roles!.Distinct().ToList();
            if (roles.FirstOrDefault(r => !Fits(r, organisation.Kind)) is { } misfit)
            {
                throw Invalid("roles", $"The role {misfit} does not fit an organisation of kind {organisation.Kind}.");
            }

            if (await users.FindByNameAsync(request.UserName!) is not null)
            {
                throw new WorkflowConflictException($"The user name '{request.UserName}' is taken.");
            }

            var user = new BrandsUser(request.UserName!)
            {
                DisplayName = request.DisplayName?.Trim(),
                Email = request.Email,
                OrganisationCode = organisation.Code,
            };
            var groups = (request.Groups ?? []).Distinct().ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                throw created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                    ? new WorkflowConflictException($"The user name '{request.UserName}' is taken.")
                    : Invalid(created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "userName",
                        [.. created.Errors.Select(e => e.Description)]);
            }

            Check(await users.AddToRolesAsync(user, roles));
            Check(await users.AddClaimsAsync(user, [.. groups.Select(g => new Claim(BrandsClaimTypes.Group, g))]));
            await transaction.CommitAsync(cancellationToken);
            return new Response(user.UserName!, user.DisplayName, user.Email, organisation.Code, organisation.Province, roles, groups);
        }

        private static bool Fits(string role, string kind) => role switch
        {
            Roles.NationalAdmin or Roles.NationalReviewer => kind == OrganisationKinds.NationalOffice,
            Roles.ProvincialAdmin or Roles.ProvincialReviewer => kind == OrganisationKinds.ProvincialOffice,
            _ => true,
        };

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        private static RequestValidationException Invalid(string field, params string[] messages) =>
            new(new Dictionary<string, string[]> { [field] = messages });
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/users", async Task<Created<Response>> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new Command(body.UserName, body.Password, body.DisplayName, body.Email,
                    body.OrganisationCode, body.Roles, body.Groups), cancellationToken);
                return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(created.UserName)}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateUser")
            .WithDescription($"roles: {string.Join(" | ", Roles.All)}. Groups besides the derived ones (<role>, <role>:<province>, org:<code>): "
                + "lower-case names with dashes, optionally ':<province>'. Password: at least 8 characters with upper- and lower-case letters, a digit and a symbol.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")]
    private static partial Regex EmailPattern();
}
