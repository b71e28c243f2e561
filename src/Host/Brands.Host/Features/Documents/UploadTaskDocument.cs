using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Documents;
using Brands.Workflows;
using Brands.Workflows.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brands.Host.Features.Documents;

/// <summary>
/// <c>POST /api/tasks/{id}/documents</c> (multipart/form-data, field <c>file</c>) → 201: attaches a document to an
/// open task (and so to its case); anyone who may see the task. The same checks as a case's upload; 409 when the
/// task is no longer open.
/// </summary>
internal static class UploadTaskDocument
{
    internal sealed record Command(Guid TaskId, Func<long, CancellationToken, Task<UploadedFile>> ReadFile) : IRequest<DocumentSummary>, ITaskRequest
    {
        public TaskAction Action => TaskAction.Attach;
    }

    internal sealed class Handler(DocumentUploads uploads, AccessScope scope, AccessDecision decision) : IRequestHandler<Command, DocumentSummary>
    {
        public Task<DocumentSummary> Handle(Command request, CancellationToken cancellationToken)
        {
            var task = decision.Task!;
            return task.State != TaskState.Open
                ? throw new WorkflowConflictException($"The task is already {task.State}; attach the document to the case instead.")
                : uploads.StoreAsync(task.InstanceId, task.Id, request.ReadFile, scope.User.UserName, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder tasks) =>
        tasks.MapPost("/{id:guid}/documents", async Task<Created<DocumentSummary>> (
                Guid id, HttpContext context, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var stored = await mediator.Send(new Command(id, (max, ct) => UploadReader.ReadAsync(context, max, ct)), cancellationToken);
                return TypedResults.Created(stored.DownloadUrl, stored);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("UploadTaskDocument");
}
