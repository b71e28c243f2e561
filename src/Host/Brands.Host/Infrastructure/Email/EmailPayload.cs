using System.Text.Json;
using System.Text.Json.Nodes;

namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// What an outbox message of topic <see cref="EmailTopic.Name"/> carries (README, "Email"): the template, who gets it
/// (user names and groups, expanded when it is sent), and the facts the template shows.
/// </summary>
internal sealed record EmailPayload(
    string Template,
    IReadOnlyList<string>? Users = null,
    IReadOnlyList<string>? Groups = null,
    Guid? CaseId = null,
    string? BusinessKey = null,
    Guid? TaskId = null,
    string? TaskElement = null,
    string? TaskName = null,
    DateTimeOffset? DueAt = null,
    string? Outcome = null,
    string? Note = null)
{
    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, JsonSerializerOptions.Web)!;

    public static EmailPayload? Parse(string json) => JsonSerializer.Deserialize<EmailPayload>(json, JsonSerializerOptions.Web);
}
