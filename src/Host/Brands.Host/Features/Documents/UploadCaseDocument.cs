using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Documents;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Documents;

/// <summary>
/// <c>POST /api/cases/{id}/documents</c> (multipart/form-data, field <c>file</c>) → 201 with the stored document:
/// anyone who may see the case. 400 naming the reason for a file that is not PDF, an image or an Office document by
/// its content (an executable named x.pdf included); 413 over the size limit; 404 for a case the caller may not see.
/// </summary>
internal static class UploadCaseDocument
{
    /// <summary><see cref="ReadFile"/> is called by the handler, after the access check: a stranger's upload is never read.</summary>
    internal sealed record Command(Guid CaseId, Func<long, CancellationToken, Task<UploadedFile>> ReadFile) : IRequest<DocumentSummary>, ICaseRequest;

    internal sealed class Handler(DocumentUploads uploads, AccessScope scope) : IRequestHandler<Command, DocumentSummary>
    {
        public Task<DocumentSummary> Handle(Command request, CancellationToken cancellationToken) =>
            uploads.StoreAsync(request.CaseId, null, request.ReadFile, scope.User.UserName, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapPost("/{id:guid}/documents", async Task<Created<DocumentSummary>> (
                Guid id, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var stored = await mediator.Send(new Command(id, (max, ct) => UploadReader.ReadAsync(context, max, ct)), cancellationToken);
                return TypedResults.Created(stored.DownloadUrl, stored);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("UploadCaseDocument");
}
