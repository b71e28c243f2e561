using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Sends each user who chose the daily digest one mail with every notification collected for them since the last one
/// (README, "Email"). A user's items are leased while their mail is sent, so two nodes never send the same digest;
/// items whose mail failed stay for the next run.
/// </summary>
/// <remarks>One entry point, <see cref="SendDigestsAsync"/>, and no schedule: Hangfire's recurring job runs it daily.</remarks>
internal sealed class DigestSender(
    MailDbContext db,
    RecipientDirectory directory,
    MailTemplates templates,
    MailComposer composer,
    SmtpMailSender sender,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<DigestSender> logger)
{
    /// <summary>The Hangfire recurring job that sends the digests, daily at <see cref="MailOptions.DigestTime"/> (Asia/Shanghai).</summary>
    public const string JobId = "mail-digest";

    /// <summary>A daily cron expression at <paramref name="timeOfDay"/> (minute precision), in the recurring jobs' time zone.</summary>
    public static string CronAt(TimeSpan timeOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeOfDay.Minutes} {timeOfDay.Hours} * * *");

    /// <summary>Sends the digests that are waiting; returns how many mails went out.</summary>
    public async Task<int> SendDigestsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var waiting = await db.DigestItems.AsNoTracking()
            .Where(i => i.SentAt == null && (i.LeaseExpiresAt == null || i.LeaseExpiresAt < now))
            .Select(i => i.UserName).Distinct().ToListAsync(cancellationToken);
        var owner = $"{MailNode.Id}:{Guid.NewGuid():N}";
        var mailed = 0;
        await using var connection = new LazySmtpConnection(sender, cancellationToken);
        foreach (var userName in waiting.Order(StringComparer.Ordinal))
        {
            var leased = await db.DigestItems
                .Where(i => i.UserName == userName && i.SentAt == null && (i.LeaseExpiresAt == null || i.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, owner).SetProperty(i => i.LeaseExpiresAt, now + settings.LeaseDuration), cancellationToken);
            if (leased == 0)
            {
                continue;
            }

            var items = await db.DigestItems.AsNoTracking().Where(i => i.LeaseOwner == owner && i.UserName == userName)
                .OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
            try
            {
                await SendAsync(userName, items, connection, cancellationToken);
                await db.DigestItems.Where(i => i.LeaseOwner == owner && i.UserName == userName)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.SentAt, time.GetUtcNow()).SetProperty(i => i.LeaseOwner, (string?)null)
                        .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
                mailed++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The digest of {User} ({Count} items) was not sent: {Error}; it is tried again at the next run", userName, items.Count, e.Message);
                await db.DigestItems.Where(i => i.LeaseOwner == owner && i.UserName == userName)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null),
                        CancellationToken.None);
            }
        }

        return mailed;
    }

    private async Task SendAsync(string userName, IReadOnlyList<DigestItem> items, LazySmtpConnection connection, CancellationToken cancellationToken)
    {
        var recipient = (await directory.ResolveAsync([userName], [], cancellationToken)).SingleOrDefault();
        if (recipient?.Email is not { Length: > 0 })
        {
            throw new PermanentMailException($"{userName} has no email address.");
        }

        var list = new StringBuilder();
        foreach (var item in items)
        {
            list.Append("  • ").Append(item.Title).Append('\n');
            if (item.Link is not null)
            {
                list.Append("    ").Append(item.Link).Append('\n');
            }

            list.Append('\n');
        }

        var mail = templates.Render(MailTemplateNames.Digest, recipient.Language, new Dictionary<string, string?>
        {
            ["displayName"] = string.IsNullOrWhiteSpace(recipient.DisplayName) ? recipient.UserName : recipient.DisplayName,
            ["count"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["items"] = list.ToString(),
        });
        var session = await connection.GetAsync();
        await session.SendAsync(composer.Compose(mail, recipient, $"digest.{items[0].Id:N}"), cancellationToken);
    }
}
