namespace Brands.Workflows.Model;

/// <summary>
/// A <c>camunda:executionListener</c> (events <c>start</c>, <c>end</c>) or <c>camunda:taskListener</c> (<c>create</c>,
/// <c>assignment</c>, <c>complete</c>, <c>timeout</c>): JavaScript (<c>camunda:script</c> or <c>camunda:expression</c>)
/// or a handler registered by name (<c>camunda:delegateExpression="${name}"</c>). See docs/engine.md, "Listeners".
/// </summary>
public sealed class Listener(string @event, Expression? script, string? handlerName, TimerTrigger? timeout)
{
    public string Event { get; } = @event;
    /// <summary>The JavaScript to run, when the listener is a script or an expression.</summary>
    public Expression? Script { get; } = script;
    /// <summary>The registered <see cref="Handlers.IListenerHandler"/> to call, when the listener is a delegate expression.</summary>
    public string? HandlerName { get; } = handlerName;
    /// <summary>A timeout task listener's timer.</summary>
    public TimerTrigger? Timeout { get; } = timeout;
}
