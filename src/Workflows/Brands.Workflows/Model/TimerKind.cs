namespace Brands.Workflows.Model;

/// <summary>Which child of a <c>timerEventDefinition</c> holds the timer's value (BPMN 2.0 §10.5.5, Table 10.95).</summary>
public enum TimerKind
{
    /// <summary><c>timeDate</c>: an ISO 8601 date or date-time.</summary>
    Date,
    /// <summary><c>timeDuration</c>: an ISO 8601 duration counted from when the timer starts.</summary>
    Duration,
    /// <summary><c>timeCycle</c>: an ISO 8601 repeating interval (<c>R3/P7D</c>) or a cron expression.</summary>
    Cycle,
}
