using System.Text.Json.Nodes;

namespace Brands.Workflows.Runtime;

/// <summary>What a signal job carries: the signal's name and data and, for a delivery, the receiving subscription.</summary>
internal sealed record SignalPayload(string Name, JsonObject? Variables, Guid? SubscriptionId)
{
    public string ToJson() => new JsonObject
    {
        ["name"] = Name,
        ["variables"] = Variables?.DeepClone(),
        ["subscriptionId"] = SubscriptionId?.ToString(),
    }.ToJsonString();

    public static SignalPayload Parse(string? json)
    {
        var o = JsonNode.Parse(json ?? "{}") as JsonObject ?? [];
        return new SignalPayload((string?)o["name"] ?? "", o["variables"] as JsonObject,
            Guid.TryParse((string?)o["subscriptionId"], out var id) ? id : null);
    }
}
