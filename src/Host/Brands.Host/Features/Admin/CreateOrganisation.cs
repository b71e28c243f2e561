using System.Text.RegularExpressions;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mapping;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Admin;

/// <summary>
/// <c>POST /api/admin/organisations {code,name,kind,province}</c> → 201; national administrators only; 409 when the
/// code is taken. The national office (and only it) has province <c>CN</c>.
/// </summary>
internal static partial class CreateOrganisation
{
    internal sealed record Body(string? Code, string? Name, string? Kind, string? Province);

    internal sealed record Command(string? Code, string? Name, string? Kind, string? Province) : IRequest<Response>, IValidatedRequest, IAdminRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (Code is null || !CodePattern().IsMatch(Code))
            {
                errors["code"] = ["The code is required: 2 to 64 letters, digits or dashes, starting with a letter or digit."];
            }

            if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
            {
                errors["name"] = ["The name is required, at most 200 characters."];
            }

            if (Kind is null || !OrganisationKinds.All.Contains(Kind))
            {
                errors["kind"] = [$"The kind must be one of: {string.Join(", ", OrganisationKinds.All)}."];
            }

            if (Province is null || !Provinces.Names.ContainsKey(Province))
            {
                errors["province"] = [$"The province must be one of: {string.Join(", ", Provinces.Codes)}."];
            }
            else if (Kind is not null && (Kind == OrganisationKinds.NationalOffice) != (Province == Provinces.National))
            {
                errors["province"] = [$"The national office, and only it, has province {Provinces.National}."];
            }

            return errors;
        }
    }

    internal sealed record Response(string Code, string Name, string Kind, string Province, DateTimeOffset CreatedAt);

    internal sealed class Handler(BrandsIdentityDbContext db, TimeProvider timeProvider) : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await db.Organisations.AnyAsync(o => o.Code == request.Code, cancellationToken))
            {
                throw new WorkflowConflictException($"An organisation with code '{request.Code}' exists.");
            }

            var organisation = new Organisation
            {
                Code = request.Code!,
                Name = request.Name!.Trim(),
                Kind = request.Kind!,
                Province = request.Province!,
                CreatedAt = timeProvider.GetUtcNow(),
            };
            db.Organisations.Add(organisation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new WorkflowConflictException($"An organisation with code '{request.Code}' exists.");
            }

            return organisation.Adapt<Response>(Mappings.Config);
        }
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/organisations", async Task<Created<Response>> (Body body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new Command(body.Code, body.Name, body.Kind, body.Province), cancellationToken);
                return TypedResults.Created($"/api/admin/organisations/{Uri.EscapeDataString(created.Code)}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateOrganisation")
            .WithDescription($"kind: {string.Join(" | ", OrganisationKinds.All)}. province: {string.Join(" | ", Provinces.Codes)} ({Provinces.National} = national).");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,63}$")]
    private static partial Regex CodePattern();
}
