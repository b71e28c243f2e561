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
    /// <summary>A timer of a case: an intermediate timer catch event, a timer boundary event, an event-based gateway's timer.</summary>
    public const string Timer = "timer";
    /// <summary>A timer start event of the latest version of a process: starts a case.</summary>
    public const string TimerStart = "timer-start";
    /// <summary>A signal thrown by a case: finds every receiver and gives each a <see cref="SignalDelivery"/> job.</summary>
    public const string SignalBroadcast = "signal-broadcast";
    /// <summary>A signal for one receiver: a waiting token, or a signal start event.</summary>
    public const string SignalDelivery = "signal-delivery";
}
