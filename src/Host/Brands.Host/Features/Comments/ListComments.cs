using Brands.Host.Infrastructure.Access;
using Brands.Host.Infrastructure.Inbox;
using Brands.Host.Infrastructure.Mapping;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Features.Comments;

/// <summary>
/// The comments of a task's case, oldest first, each with the task it was written on: whoever may see the task
/// reads the conversation of its case. 404 unless the user may see the task.
/// </summary>
internal static class ListComments
{
    internal sealed record Query(Guid TaskId) : IRequest<IReadOnlyList<Item>>, ITaskRequest
    {
        public TaskAction Action => TaskAction.View;
    }

    internal sealed record Item(long Id, Guid? TaskId, string? TaskName, string Author, string Body, DateTimeOffset CreatedAt);

    internal sealed class Handler(InboxDbContext db, AccessDecision decision) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var caseId = decision.Task!.InstanceId;
            return await db.Comments.AsNoTracking()
                .Where(c => c.CaseId == caseId)
                .OrderBy(c => c.Id)
                .ProjectToType<Item>(Mappings.Config)
                .ToListAsync(cancellationToken);
        }
    }
}
