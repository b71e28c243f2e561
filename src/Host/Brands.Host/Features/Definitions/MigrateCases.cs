using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Brands.Workflows.Migration;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>POST /api/definitions/{id}/migrations {targetDefinitionId, mapping?, caseIds?}</c> → 200
/// <c>{targetDefinitionId, targetVersion, migrated, refused}</c>: moves the cases <c>caseIds</c> (default: every active
/// case of version <c>id</c>) to the target version. <c>mapping</c> (source element id → target element id) confirms
/// what the automatic mapping by id leaves open. Each case moves in its own commit or is refused with the reasons; a
/// mapping naming an element the target lacks, or joining two kinds of element, refuses the request (400).
/// </summary>
internal static class MigrateCases
{
    internal sealed record Body(string? TargetDefinitionId, Dictionary<string, string>? Mapping, List<Guid>? CaseIds);

    internal sealed record Command(string Id, string? TargetDefinitionId, Dictionary<string, string>? Mapping, List<Guid>? CaseIds)
        : IRequest<MigrationResult>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(TargetDefinitionId))
            {
                errors["targetDefinitionId"] = ["Name the version to migrate to, e.g. annual-application:2."];
            }

            var blank = Mapping?.Where(p => string.IsNullOrWhiteSpace(p.Key) || string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList() ?? [];
            if (blank.Count > 0)
            {
                errors["mapping"] = [$"Every mapped element needs a target element: {string.Join(", ", blank.Select(k => $"'{k}'"))}."];
            }

            return errors;
        }
    }

    internal sealed class Handler(WorkflowEngine engine, AccessScope scope) : IRequestHandler<Command, MigrationResult>
    {
        public Task<MigrationResult> Handle(Command request, CancellationToken cancellationToken) =>
            engine.MigrateCasesAsync(request.Id, request.TargetDefinitionId!, request.Mapping, request.CaseIds, scope.User.UserName, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapPost("/{id}/migrations", async Task<Ok<MigrationResult>> (string id, Body body, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.TargetDefinitionId, body.Mapping, body.CaseIds), cancellationToken)))
            .RequireAuthorization(Policies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MigrateCases");
}
