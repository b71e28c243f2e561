namespace Brands.Workflows.Persistence;

/// <summary>Subscription kinds as stored.</summary>
public static class SubscriptionKind
{
    public const string Message = "message";
    public const string Signal = "signal";
}
