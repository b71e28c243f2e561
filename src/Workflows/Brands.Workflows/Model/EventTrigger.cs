namespace Brands.Workflows.Model;

/// <summary>What a start, catch or boundary event waits for: its event definition (BPMN 2.0 §10.5).</summary>
public abstract class EventTrigger;

/// <summary>A <c>timerEventDefinition</c>; the value may be an expression, evaluated when the timer starts.</summary>
public sealed class TimerTrigger(TimerKind kind, Expression value) : EventTrigger
{
    public TimerKind Kind { get; } = kind;
    public Expression Value { get; } = value;
}

/// <summary>
/// A <c>messageEventDefinition</c>. The name may hold expressions (evaluated when the token starts waiting);
/// <see cref="CorrelationKeys"/> are the variables whose values a message must name to reach this event.
/// </summary>
public sealed class MessageTrigger(Expression name, IReadOnlyList<string> correlationKeys) : EventTrigger
{
    public Expression Name { get; } = name;
    public IReadOnlyList<string> CorrelationKeys { get; } = correlationKeys;
}

/// <summary>A <c>signalEventDefinition</c>; the name may hold expressions.</summary>
public sealed class SignalTrigger(Expression name) : EventTrigger
{
    public Expression Name { get; } = name;
}

/// <summary>An <c>errorEventDefinition</c> on a catching event; a null code catches every error.</summary>
public sealed class ErrorTrigger(string? errorCode, string? errorCodeVariable) : EventTrigger
{
    public bool Catches(string? code) => ErrorCode is null || ErrorCode == code;

    public string? ErrorCode { get; } = errorCode;
    /// <summary><c>camunda:errorCodeVariable</c>: where the caught code is stored.</summary>
    public string? ErrorCodeVariable { get; } = errorCodeVariable;
}

/// <summary>
/// An <c>escalationEventDefinition</c>: thrown by an escalation throw or end event, caught (by code, or every code when
/// null) by a boundary event or an event sub-process start on the way out. An uncaught escalation changes nothing.
/// </summary>
public sealed class EscalationTrigger(string? escalationCode, string? escalationCodeVariable) : EventTrigger
{
    public string? EscalationCode { get; } = escalationCode;
    /// <summary><c>camunda:escalationCodeVariable</c>: where the caught code is stored.</summary>
    public string? EscalationCodeVariable { get; } = escalationCodeVariable;

    public bool Catches(string? code) => EscalationCode is null || EscalationCode == code;
}
