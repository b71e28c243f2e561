using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Cases;
using Brands.Host.Infrastructure.Documents;
using Brands.Workflows;
using Brands.Workflows.EntityFrameworkCore;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Cases;

/// <summary>
/// <c>GET /api/cases/{id}/view</c>: the case view (README "Case view") — status, where it waits, variables as text,
/// documents, the case that called it and those it called (only those the caller may see), the timeline with who
/// acted for whom, and what to mark on the diagram. 404 for a case the caller may not see. The page
/// <c>/cases/{id}</c> shows the same.
/// </summary>
internal static class GetCaseView
{
    internal sealed record Query(Guid CaseId) : IRequest<CaseView>, ICaseRequest;

    internal sealed class Handler(
        WorkflowEngine engine,
        IWorkflowStore store,
        IDbContextFactory<WorkflowDbContext> databases,
        DocumentStore documents,
        ProcessElementNames elementNames,
        CaseAccess access,
        AccessScope scope,
        AccessDecision decision) : IRequestHandler<Query, CaseView>
    {
        public async Task<CaseView> Handle(Query request, CancellationToken cancellationToken)
        {
            var record = decision.Case ?? throw new NotVisibleException("case", request.CaseId);
            var snapshot = await engine.GetCaseAsync(record.Id, cancellationToken) ?? throw new NotVisibleException("case", request.CaseId);
            var definition = await store.GetDefinitionAsync(record.DefinitionId, cancellationToken)
                ?? throw new InvalidOperationException($"The case's definition {record.DefinitionId} is missing.");
            var names = elementNames.Of(definition);
            var history = await store.GetHistoryAsync(record.Id, cancellationToken);
            var calledFrom = CaseTimeline.CalledFrom(history);

            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var childRecords = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == record.Id).OrderBy(i => i.StartedAt).ToListAsync(cancellationToken);
            var children = new List<CaseView.RelatedCase>();
            foreach (var child in childRecords)
            {
                if (await access.MaySeeAsync(scope.User, child, cancellationToken))
                {
                    children.Add(Related(child, calledFrom.TryGetValue(child.Id, out var element) ? element : null));
                }
            }

            CaseView.RelatedCase? parent = null;
            if (record.ParentInstanceId is { } parentId && await store.GetInstanceAsync(parentId, cancellationToken) is { } parentRecord
                && await access.MaySeeAsync(scope.User, parentRecord, cancellationToken))
            {
                parent = Related(parentRecord, null);
            }

            return new CaseView(
                record.Id, record.DefinitionKey, record.DefinitionVersion, names.GetValueOrDefault(record.DefinitionKey) ?? definition.Name,
                record.BusinessKey, snapshot.Status, record.StartedAt, record.EndedAt, record.OrganisationCode, record.Province,
                await CaseWaits.ReadAsync(store, record.Id, names, children, cancellationToken),
                VariableSummary.Of(snapshot.Variables),
                await documents.ListForCaseAsync(record.Id, cancellationToken),
                parent,
                children,
                CaseTimeline.Entries(history, names),
                new CaseView.DiagramState($"/api/cases/{record.Id}/diagram", snapshot.ActiveElementIds, CaseTimeline.CompletedElementIds(history)));
        }

        private static CaseView.RelatedCase Related(InstanceRecord @case, string? calledFrom) =>
            new(@case.Id, @case.DefinitionKey, @case.BusinessKey, @case.Status, calledFrom);
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}/view", async Task<Ok<CaseView>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCaseView");
}
