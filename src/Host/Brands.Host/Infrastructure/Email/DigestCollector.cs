using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Email;

/// <summary>Keeps a notification for a user's daily digest; once per outbox message and user, however often it is dispatched.</summary>
internal sealed class DigestCollector(MailDbContext db, TimeProvider time)
{
    public async Task CollectAsync(Guid outboxId, string userName, string title, string? link, CancellationToken cancellationToken)
    {
        if (await db.DigestItems.AnyAsync(i => i.OutboxId == outboxId && i.UserName == userName, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.DigestItems.Add(new DigestItem
        {
            Id = Guid.CreateVersion7(now),
            OutboxId = outboxId,
            UserName = userName,
            Title = title,
            Link = link,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
