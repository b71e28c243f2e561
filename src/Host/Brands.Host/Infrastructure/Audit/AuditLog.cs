namespace Brands.Host.Infrastructure.Audit;

/// <summary>
/// Appends to the audit log in a unit of its own, so a row is written whether the action it records succeeded or
/// was refused. Should the database refuse the row, the action is not undone: the failure is logged as an error
/// with the entry, which the structured log keeps instead.
/// </summary>
internal sealed class AuditLog(AuditDbContext db, TimeProvider time, ILogger<AuditLog> logger)
{
    private const int MaxText = 1000;

    public async Task RecordAsync(string action, string? userName, string outcome, string? client,
        string? target = null, string? onBehalfOf = null, string? detail = null)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            UserName = Cut(userName, 256),
            Action = action,
            Outcome = Cut(outcome, MaxText)!,
            Client = Cut(client, 64),
            Target = Cut(target, 256),
            OnBehalfOf = Cut(onBehalfOf, 256),
            Detail = Cut(detail, MaxText),
        };
        db.Entries.Add(entry);
        try
        {
            // Not the request's token: a caller that hangs up must not keep its action out of the log.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            logger.LogError(exception, "The audit log refused an entry: {Action} by {User} from {Client}: {Outcome} ({Target}; {Detail})",
                entry.Action, entry.UserName, entry.Client, entry.Outcome, entry.Target, entry.Detail);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
