using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Inbox;
using Brands.Host.Infrastructure.Mediation;
using MediatR;

namespace Brands.Host.Features.Comments;

/// <summary>
/// A plain-text comment on a task, kept with its case; anyone who may see the task may comment (404 otherwise).
/// The text is stored as typed and always shown encoded.
/// </summary>
internal static class AddComment
{
    public const int MaxLength = 4000;

    internal sealed record Command(Guid TaskId, string? Body) : IRequest<long>, ITaskRequest, IValidatedRequest
    {
        public TaskAction Action => TaskAction.View;

        public IDictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Body))
            {
                errors["body"] = ["The comment is empty."];
            }
            else if (Body.Length > MaxLength)
            {
                errors["body"] = [$"The comment is longer than {MaxLength} characters."];
            }

            return errors;
        }
    }

    internal sealed class Handler(InboxDbContext db, AccessDecision decision, AccessScope scope, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var task = decision.Task!;
            var comment = new Comment
            {
                CaseId = task.InstanceId,
                TaskId = task.Id,
                TaskName = task.Name ?? task.ElementId,
                Author = scope.User.UserName,
                Body = request.Body!.Trim(),
                CreatedAt = time.GetUtcNow(),
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            return comment.Id;
        }
    }
}
