using System.Text.Json.Nodes;

namespace Brands.Workflows.Runtime;

/// <summary>
/// What a timer job carries: the timer's value as it was evaluated when the timer started, and how many firings are
/// left after this one (-1 for an unbounded cycle), so the next firing is computed from the same value.
/// </summary>
internal sealed record TimerPayload(string Value, int FiringsLeft)
{
    /// <summary>Firings left once the next one has fired (an unbounded cycle stays unbounded).</summary>
    public int LeftAfterNext => FiringsLeft == Timers.TimerSchedule.Unbounded ? Timers.TimerSchedule.Unbounded : FiringsLeft - 1;

    public string ToJson() => new JsonObject { ["value"] = Value, ["left"] = FiringsLeft }.ToJsonString();

    public static TimerPayload Parse(string? json) =>
        JsonNode.Parse(json ?? "{}") is JsonObject o
            ? new TimerPayload((string?)o["value"] ?? "", (int?)o["left"] ?? 0)
            : new TimerPayload("", 0);
}
