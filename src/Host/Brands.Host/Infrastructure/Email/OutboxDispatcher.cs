using Brands.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Sends the email that is due (README, "Email"): claims due outbox messages of topic <see cref="EmailTopic.Name"/>
/// under a lease, expands their recipients, mails each user who wants mail at once and keeps the rest for their
/// digest, and records the result on the message — sent, or failed with the next attempt after a doubling back-off
/// (<see cref="MailOptions.BackOff"/>), or failed for good after <see cref="MailOptions.MaxAttempts"/>.
/// </summary>
/// <remarks>One entry point, <see cref="DispatchDueAsync"/>, and no loop: whatever schedules it (Hangfire's recurring job and each node's OutboxDispatchService) calls it.</remarks>
internal sealed class OutboxDispatcher(
    IOutboxStore outbox,
    IWorkflowStore workflows,
    RecipientDirectory directory,
    MailComposer composer,
    SmtpMailSender sender,
    DigestCollector digests,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>The Hangfire recurring job that dispatches (README, "Background work: Hangfire"): every minute.</summary>
    public const string JobId = "outbox-dispatch";
    public const string DefaultCron = "* * * * *";

    /// <summary>Sends one batch of due messages; returns how many were claimed (0 when mail is not configured).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var claimed = await outbox.ClaimOutboxAsync(EmailTopic.Name, MailNode.Id, now, now + settings.LeaseDuration, settings.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        await using var connection = new LazySmtpConnection(sender, cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                var result = await SendAsync(message, connection, cancellationToken);
                await outbox.MarkOutboxSentAsync(message.Id, MailNode.Id, time.GetUtcNow(), result, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                DateTimeOffset? next = e is PermanentMailException || attempts >= settings.MaxAttempts ? null : time.GetUtcNow() + settings.BackOff(attempts);
                logger.LogWarning("Outbox message {Id} (attempt {Attempt}) was not sent: {Error}; {Next}", message.Id, attempts, e.Message,
                    next is null ? "no further attempt" : $"next attempt at {next:O}");
                await outbox.MarkOutboxFailedAsync(message.Id, MailNode.Id, e.Message, next, cancellationToken);
            }
        }

        return claimed.Count;
    }

    private async Task<string> SendAsync(OutboxMessage message, LazySmtpConnection connection, CancellationToken cancellationToken)
    {
        var payload = EmailPayload.Parse(message.PayloadJson) ?? throw new PermanentMailException("The message has no payload.");
        payload = await WithTaskAsync(payload, cancellationToken);
        var users = payload.Users ?? [];
        var groups = payload.Groups ?? [];
        var recipients = await directory.ResolveAsync(users, groups, cancellationToken);
        var reachable = recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)).ToList();
        if (reachable.Count == 0)
        {
            throw new PermanentMailException(
                $"Nobody to send to: no user with an email address among users [{string.Join(", ", users)}] and groups [{string.Join(", ", groups)}].");
        }

        var sent = new List<string>();
        var collected = new List<string>();
        foreach (var recipient in reachable)
        {
            var mail = composer.Render(payload.Template, payload, recipient);
            if (recipient.Delivery == MailDelivery.Digest)
            {
                await digests.CollectAsync(message.Id, recipient.UserName, mail.Subject, composer.LinkOf(payload), cancellationToken);
                collected.Add(recipient.UserName);
                continue;
            }

            var session = await connection.GetAsync();
            await session.SendAsync(composer.Compose(mail, recipient, message.Id.ToString("N")), cancellationToken);
            sent.Add($"{recipient.UserName} <{recipient.Email}>");
        }

        return (sent.Count > 0 ? $"sent to {string.Join(", ", sent)}" : "")
            + (sent.Count > 0 && collected.Count > 0 ? "; " : "")
            + (collected.Count > 0 ? $"kept for the digest of {string.Join(", ", collected)}" : "");
    }

    /// <summary>
    /// A message about a task named by its element (a send task's <c>taskElement</c>) gets the task open there now: its
    /// id and name for the link, and its assignee or candidates as recipients when the message names none.
    /// </summary>
    private async Task<EmailPayload> WithTaskAsync(EmailPayload payload, CancellationToken cancellationToken)
    {
        if (payload.TaskId is not null || payload.TaskElement is null || payload.CaseId is not { } caseId)
        {
            return payload;
        }

        var task = (await workflows.GetOpenTasksAsync(caseId, cancellationToken)).FirstOrDefault(t => t.ElementId == payload.TaskElement);
        if (task is null)
        {
            return payload;
        }

        var withTask = payload with { TaskId = task.Id, TaskName = payload.TaskName ?? task.Name, DueAt = payload.DueAt ?? task.DueAt };
        if ((payload.Users?.Count ?? 0) + (payload.Groups?.Count ?? 0) > 0)
        {
            return withTask;
        }

        return task.Assignee is { } assignee
            ? withTask with { Users = [assignee] }
            : withTask with { Users = [.. TaskFilter.SplitList(task.CandidateUsers)], Groups = [.. TaskFilter.SplitList(task.CandidateGroups)] };
    }
}
