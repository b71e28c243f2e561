using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Documents;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Documents;

/// <summary><c>GET /api/cases/{id}/documents</c>: the documents of the case and of its tasks, oldest first; 404 for a case the caller may not see.</summary>
internal static class ListCaseDocuments
{
    internal sealed record Query(Guid CaseId) : IRequest<IReadOnlyList<DocumentSummary>>, ICaseRequest;

    internal sealed class Handler(DocumentStore store) : IRequestHandler<Query, IReadOnlyList<DocumentSummary>>
    {
        public Task<IReadOnlyList<DocumentSummary>> Handle(Query request, CancellationToken cancellationToken) =>
            store.ListForCaseAsync(request.CaseId, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapGet("/{id:guid}/documents", async Task<Ok<IReadOnlyList<DocumentSummary>>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new Query(id), cancellationToken)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListCaseDocuments");
}
