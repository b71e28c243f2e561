using Brands.Host.Features.Admin;
using Brands.Host.Infrastructure.Email;

namespace Brands.Host.Pages.Admin;

/// <summary>One outbox message as the outbox page shows it: recipients, subject and template read from its email payload.</summary>
internal sealed record OutboxRow(ListOutbox.Item Item, string Recipients, string? Subject, string? Template)
{
    /// <summary>
    /// The row for <paramref name="item"/>: the subject rendered in the page's language, as the template would render it
    /// (it does not depend on the recipient); recipients as the step named them (users and groups) and, once sent,
    /// whom it reached.
    /// </summary>
    public static OutboxRow From(ListOutbox.Item item, MailComposer composer, string language)
    {
        var payload = item.Topic == EmailTopic.Name && item.Payload is { } json ? TryParse(json.ToJsonString()) : null;
        if (payload is null)
        {
            return new OutboxRow(item, "", null, null);
        }

        var named = string.Join(", ", (payload.Users ?? []).Concat(payload.Groups ?? []));
        string? subject;
        try
        {
            subject = composer.Render(payload.Template, payload, new MailRecipient("", null, null, language, "")).Subject;
        }
        catch (PermanentMailException)
        {
            subject = null;
        }

        return new OutboxRow(item, named, subject, payload.Template);
    }

    private static EmailPayload? TryParse(string json)
    {
        try
        {
            return EmailPayload.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
