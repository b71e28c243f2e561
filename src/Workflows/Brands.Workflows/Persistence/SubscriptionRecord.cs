namespace Brands.Workflows.Persistence;

/// <summary>
/// Something waits for a message or a signal: a token of a case (an intermediate catch event, a receive task, a
/// boundary event, a branch of an event-based gateway) or, with no case, a start event of a deployed version.
/// </summary>
/// <remarks>
/// Written in the same commit as the case state that holds it and removed in the commit that cancels or fires it.
/// Correlation reads only these rows: the business key and the correlation key are copied here when the
/// subscription is made, so a message never has to search the cases' variables (see docs/engine.md).
/// </remarks>
public sealed class SubscriptionRecord
{
    /// <summary>A copy with the same values, so a store never shares its rows with callers.</summary>
    public SubscriptionRecord Clone() => (SubscriptionRecord)MemberwiseClone();

    public required Guid Id { get; init; }
    /// <summary><see cref="SubscriptionKind.Message"/> or <see cref="SubscriptionKind.Signal"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The message or signal name, expressions already evaluated.</summary>
    public required string Name { get; init; }
    /// <summary>The waiting case; null for a start event.</summary>
    public Guid? InstanceId { get; init; }
    /// <summary>The token that holds the subscription; null for a start event.</summary>
    public string? TokenId { get; init; }
    /// <summary>The catching element: the event, the receive task, or the start event.</summary>
    public required string ElementId { get; init; }
    /// <summary>The definition version whose start event this is; null for a case's subscription.</summary>
    public string? DefinitionId { get; init; }
    public string? BusinessKey { get; init; }
    /// <summary>The values of the element's declared correlation keys, canonicalised (see <c>CorrelationKeys</c>).</summary>
    public string? CorrelationKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
