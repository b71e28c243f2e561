using System.Text.Json.Nodes;
using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Mapping;
using Brands.Workflows;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Cases;

/// <summary><c>GET /api/cases/{id}</c>: status, where the case waits, its variables and its owner; 404 for a case the caller may not see.</summary>
internal static class GetCase
{
    internal sealed record Query(Guid CaseId) : IRequest<Response>, ICaseRequest;

    internal sealed record Response(
        Guid Id,
        string DefinitionKey,
        int DefinitionVersion,
        string? BusinessKey,
        string Status,
        IReadOnlyList<string> ActiveElementIds,
        JsonObject Variables,
        DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt,
        string? OrganisationCode,
        string? Province);

    internal sealed class Handler(WorkflowEngine engine, AccessDecision decision) : IRequestHandler<Query, Response>
    {
        public async Task<Response> Handle(Query request, CancellationToken cancellationToken)
        {
            var snapshot = await engine.GetCaseAsync(request.CaseId, cancellationToken)
                ?? throw new NotVisibleException("case", request.CaseId);
            return snapshot.Adapt<Response>(Mappings.Config) with
            {
                OrganisationCode = decision.Case?.OrganisationCode,
                Province = decision.Case?.Province,
            };
        }
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}", async Task<Ok<Response>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCase");
}
