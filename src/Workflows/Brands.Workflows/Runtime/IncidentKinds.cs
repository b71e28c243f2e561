namespace Brands.Workflows.Runtime;

/// <summary>Why a token stopped and needs an administrator.</summary>
internal static class IncidentKinds
{
    /// <summary>A service task's handler kept failing until its retries ran out.</summary>
    public const string FailedJob = "failed-job";
    /// <summary>An expression or script failed or broke a limit.</summary>
    public const string Expression = "expression";
    /// <summary>The case moved too many steps without waiting.</summary>
    public const string Loop = "loop";
}
