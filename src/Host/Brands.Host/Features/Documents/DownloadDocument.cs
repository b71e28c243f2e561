using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Documents;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Documents;

/// <summary>
/// <c>GET /api/documents/{id}</c>: the file, always as an attachment with the media type found in its content and
/// <c>X-Content-Type-Options: nosniff</c>, so a browser never runs it; 404 unless the caller may see its case.
/// </summary>
internal static class DownloadDocument
{
    internal sealed record Query(Guid DocumentId) : IRequest<StoredDocument>, IDocumentRequest;

    internal sealed class Handler(DocumentStore store) : IRequestHandler<Query, StoredDocument>
    {
        public async Task<StoredDocument> Handle(Query request, CancellationToken cancellationToken) =>
            await store.FindAsync(request.DocumentId, cancellationToken) ?? throw new NotVisibleException("document", request.DocumentId);
    }

    public static void Map(IEndpointRouteBuilder documents) =>
        documents.MapGet("/{id:guid}", async Task<FileContentHttpResult> (Guid id, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var document = await mediator.Send(new Query(id), cancellationToken);
                context.Response.Headers.ContentDisposition = DocumentFileName.ContentDisposition(document.FileName);
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(document.Content, document.ContentType);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DownloadDocument");
}
