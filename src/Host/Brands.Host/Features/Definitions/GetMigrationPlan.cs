using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Mediation;
using Brands.Workflows;
using Brands.Workflows.Migration;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Definitions;

/// <summary>
/// <c>GET /api/definitions/{id}/migration-plan?target={id}</c>: what migrating the active cases of version <c>id</c>
/// (e.g. <c>annual-application:1</c>) to version <c>target</c> takes — the elements mapped by id automatically, the
/// elements where cases wait that need a confirmed target, and the target's elements (README "Migrating running cases").
/// 404 for an unknown version, 400 for versions of two processes.
/// </summary>
internal static class GetMigrationPlan
{
    internal sealed record Query(string Id, string? Target) : IRequest<MigrationPlan>, IAdminRequest, IValidatedRequest
    {
        public IDictionary<string, string[]> Validate() => string.IsNullOrWhiteSpace(Target)
            ? new Dictionary<string, string[]> { ["target"] = ["Name the version to migrate to (target), e.g. annual-application:2."] }
            : new Dictionary<string, string[]>();
    }

    internal sealed class Handler(WorkflowEngine engine) : IRequestHandler<Query, MigrationPlan>
    {
        public Task<MigrationPlan> Handle(Query request, CancellationToken cancellationToken) =>
            engine.PlanMigrationAsync(request.Id, request.Target!, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder definitions) =>
        definitions.MapGet("/{id}/migration-plan", async Task<Ok<MigrationPlan>> (string id, string? target, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id, target), cancellationToken)))
            .RequireAuthorization(Policies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMigrationPlan");
}
