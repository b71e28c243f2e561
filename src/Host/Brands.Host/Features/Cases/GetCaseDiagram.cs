using Brands.Host.Infrastructure.Access;
using Brands.Workflows.Persistence;
using MediatR;

namespace Brands.Host.Features.Cases;

/// <summary>
/// <c>GET /api/cases/{id}/diagram</c>: the BPMN XML of the version the case runs on, for the case view's diagram;
/// 404 for a case the caller may not see (the definitions API itself is for administrators).
/// </summary>
internal static class GetCaseDiagram
{
    internal sealed record Query(Guid CaseId) : IRequest<string>, ICaseRequest;

    internal sealed class Handler(IWorkflowStore store, AccessDecision decision) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            var definitionId = decision.Case?.DefinitionId ?? throw new NotVisibleException("case", request.CaseId);
            var definition = await store.GetDefinitionAsync(definitionId, cancellationToken)
                ?? throw new InvalidOperationException($"The case's definition {definitionId} is missing.");
            return definition.Xml;
        }
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}/diagram", async Task<IResult> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                Results.Text(await mediator.Send(new Query(id), cancellationToken), "application/xml"))
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCaseDiagram");
}
