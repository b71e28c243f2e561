namespace Brands.Workflows.Persistence;

/// <summary>Job kinds as stored.</summary>
public static class JobKind
{
    /// <summary>Continue a token that waits before an element (asyncBefore).</summary>
    public const string AsyncBefore = "async-before";
    /// <summary>Continue a token that waits after an element (asyncAfter).</summary>
    public const string AsyncAfter = "async-after";
    /// <summary>Run a service task's handler again after it failed.</summary>
    public const string ServiceTaskRetry = "service-task-retry";
    /// <summary>Enter an element again after an expression or script failed there (after an administrator's retry).</summary>
    public const string Retry = "retry";
}
