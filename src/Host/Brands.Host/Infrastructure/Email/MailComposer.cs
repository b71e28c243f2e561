using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// Turns a payload into a message for one recipient: the template in their language, times in Asia/Shanghai, the deep
/// link <c>{PublicBaseUrl}/tasks/{id}</c> (or the case's page when there is no task), and a Message-ID made of the outbox
/// message's id and the recipient, so a resend carries the same id (README, "Email").
/// </summary>
internal sealed class MailComposer(MailTemplates templates, IOptions<MailOptions> options)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public RenderedMail Render(string template, EmailPayload payload, MailRecipient recipient)
    {
        var english = recipient.Language == MailLanguages.English;
        var values = new Dictionary<string, string?>
        {
            ["displayName"] = string.IsNullOrWhiteSpace(recipient.DisplayName) ? recipient.UserName : recipient.DisplayName,
            ["taskName"] = payload.TaskName ?? (english ? "(task)" : "（任务）"),
            ["businessKey"] = payload.BusinessKey ?? "—",
            ["dueAt"] = payload.DueAt is { } due ? FormatTime(due, english) : "—",
            ["link"] = LinkOf(payload),
            ["outcome"] = payload.Outcome ?? "—",
            ["note"] = string.IsNullOrWhiteSpace(payload.Note) ? "" : (english ? $"  Note: {payload.Note}\n" : $"  备注：{payload.Note}\n"),
        };
        return templates.Render(template, recipient.Language, values);
    }

    /// <summary>The deep link: the task when there is one, else the case.</summary>
    public string? LinkOf(EmailPayload payload)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return payload.TaskId is { } task ? $"{baseUrl}/tasks/{task}"
            : payload.CaseId is { } @case ? $"{baseUrl}/cases/{@case}"
            : baseUrl;
    }

    public MimeMessage Compose(RenderedMail mail, MailRecipient recipient, string messageIdLocalPart)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(recipient.DisplayName ?? recipient.UserName, recipient.Email ?? throw new PermanentMailException($"{recipient.UserName} has no email address.")));
        message.Subject = mail.Subject;
        message.MessageId = $"{messageIdLocalPart}.{Fingerprint(recipient.UserName)}@{from.Domain}";
        var body = new TextPart("plain") { Text = mail.Body };
        body.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        message.Body = body;
        return message;
    }

    public static string FormatTime(DateTimeOffset instant, bool english)
    {
        var local = TimeZoneInfo.ConvertTime(instant, China);
        return english
            ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (Beijing time)"
            : local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";
    }

    private static string Fingerprint(string userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName)))[..12];
}
