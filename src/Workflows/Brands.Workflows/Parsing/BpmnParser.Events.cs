using System.Xml.Linq;
using Brands.Workflows.Model;
using Brands.Workflows.Timers;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

/// <summary>Event definitions: timers, messages, signals and errors on start, catch, boundary and throw events.</summary>
internal sealed partial class BpmnParser
{
    private readonly Dictionary<string, string?> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _signals = new(StringComparer.Ordinal);
    /// <summary>The time zone of the process being read, for checking literal timers.</summary>
    private string _timeZone = ProcessModel.DefaultTimeZone;

    /// <summary>Reads the root's <c>message</c> and <c>signal</c> elements, which events refer to by id.</summary>
    private void ReadMessagesAndSignals(XElement root)
    {
        foreach (var message in root.Elements(Bpmn + "message"))
        {
            if (Attr(message, "id") is { } id)
            {
                _messages[id] = Attr(message, "name");
            }
        }

        foreach (var signal in root.Elements(Bpmn + "signal"))
        {
            if (Attr(signal, "id") is { } id)
            {
                _signals[id] = Attr(signal, "name");
            }
        }
    }

    /// <summary>The process's <c>camunda:property name="timeZone"</c>, checked; the default when absent.</summary>
    private string ReadTimeZone(XElement process)
    {
        var zone = Property(process, "timeZone");
        if (zone is null)
        {
            return ProcessModel.DefaultTimeZone;
        }

        if (TimeZones.Find(zone) is null)
        {
            Error(process, $"the time zone '{zone}' is not a known IANA time zone (e.g. Asia/Shanghai)");
            return ProcessModel.DefaultTimeZone;
        }

        return zone;
    }

    /// <summary>Every <c>camunda:properties/camunda:property</c> of the element with a name and a value, with its line; the first of a name wins.</summary>
    private static Dictionary<string, Handlers.ProcessProperty> ReadProperties(XElement element)
    {
        var properties = new Dictionary<string, Handlers.ProcessProperty>(StringComparer.Ordinal);
        foreach (var property in Extensions(element).Where(e => e.Name == Camunda + "properties").Elements(Camunda + "property"))
        {
            if (Attr(property, "name") is { } name && Attr(property, "value") is { } value)
            {
                properties.TryAdd(name, new Handlers.ProcessProperty(value, Line(property)));
            }
        }

        return properties;
    }

    /// <summary>The value of a <c>camunda:properties/camunda:property</c> of the element, or null.</summary>
    private static string? Property(XElement element, string name) =>
        Extensions(element).Where(e => e.Name == Camunda + "properties").Elements(Camunda + "property")
            .FirstOrDefault(p => Attr(p, "name") == name) is { } property ? Attr(property, "value") : null;

    /// <summary>
    /// The one event definition of a catching event, or null (reported) when it has several or an unsupported one.
    /// <paramref name="allowed"/> lists the definitions this kind of event may catch.
    /// </summary>
    private EventTrigger? ParseCatchTrigger(XElement element, string what, params string[] allowed)
    {
        var definitions = EventDefinitionsOf(element);
        if (definitions.Count > 1)
        {
            Error(element, $"{what} with several event definitions are not supported");
            return null;
        }

        if (definitions.Count == 0 || !allowed.Contains(definitions[0].Name.LocalName))
        {
            Error(element, definitions.Count == 0
                ? $"{what} need an event definition"
                : $"{what} with a {Describe(definitions[0])} are not supported; {string.Join(", ", allowed.Select(a => a.Replace("EventDefinition", "", StringComparison.Ordinal)))} are");
            return null;
        }

        var definition = definitions[0];
        return definition.Name.LocalName switch
        {
            "timerEventDefinition" => ParseTimer(element, definition),
            "messageEventDefinition" => ParseMessage(element, Attr(definition, "messageRef"), "messageEventDefinition"),
            "signalEventDefinition" => ParseSignal(element, definition),
            "errorEventDefinition" => new ErrorTrigger(ResolveErrorCode(element, definition), CamundaAttr(definition, "errorCodeVariable")),
            "escalationEventDefinition" => new EscalationTrigger(ResolveEscalationCode(definition), CamundaAttr(definition, "escalationCodeVariable")),
            _ => null,
        };
    }

    private TimerTrigger? ParseTimer(XElement owner, XElement definition)
    {
        var values = definition.Elements().Where(e => e.Name.Namespace == Bpmn
            && e.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle").ToList();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0].Value))
        {
            Error(owner, "a timer needs exactly one of timeDate, timeDuration or timeCycle, with a value");
            return null;
        }

        var kind = values[0].Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeDuration" => TimerKind.Duration,
            _ => TimerKind.Cycle,
        };
        var text = values[0].Value.Trim();
        var value = CompileExpression(owner, text, values[0].Name.LocalName);
        if (value is null)
        {
            return null;
        }

        if (value.IsLiteral && !TimerSchedule.TryParse(kind, text, _timeZone, out _, out var error))
        {
            Error(owner, $"{values[0].Name.LocalName}: {error}");
            return null;
        }

        return new TimerTrigger(kind, value);
    }

    private MessageTrigger? ParseMessage(XElement owner, string? messageRef, string what)
    {
        if (messageRef is null)
        {
            Error(owner, $"the {what} names no message (messageRef)");
            return null;
        }

        if (!_messages.TryGetValue(messageRef, out var name) || string.IsNullOrWhiteSpace(name))
        {
            Error(owner, _messages.ContainsKey(messageRef)
                ? $"the message '{messageRef}' has no name; messages are correlated by name"
                : $"the event refers to message '{messageRef}', which is not defined in this file");
            return null;
        }

        var keys = Property(owner, "correlationKeys")?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var compiled = CompileExpression(owner, name, $"the name of message '{messageRef}'");
        return compiled is null ? null : new MessageTrigger(compiled, [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private SignalTrigger? ParseSignal(XElement owner, XElement definition)
    {
        var signalRef = Attr(definition, "signalRef");
        if (signalRef is null || !_signals.TryGetValue(signalRef, out var name) || string.IsNullOrWhiteSpace(name))
        {
            Error(owner, signalRef is null
                ? "the signal event names no signal (signalRef)"
                : _signals.ContainsKey(signalRef)
                    ? $"the signal '{signalRef}' has no name; signals are broadcast by name"
                    : $"the event refers to signal '{signalRef}', which is not defined in this file");
            return null;
        }

        var compiled = CompileExpression(owner, name, $"the name of signal '{signalRef}'");
        return compiled is null ? null : new SignalTrigger(compiled);
    }

    private FlowNode? ParseStartEvent(XElement element, string id, string? name, int line)
    {
        if (EventDefinitionsOf(element).Count == 0)
        {
            return new StartEvent(id, name, line);
        }

        // Error and escalation starts are for event sub-processes; CheckStartEvents says so anywhere else.
        var trigger = ParseCatchTrigger(element, "start events", "timerEventDefinition", "messageEventDefinition", "signalEventDefinition",
            "errorEventDefinition", "escalationEventDefinition");
        var interrupting = !string.Equals(Attr(element, "isInterrupting"), "false", StringComparison.OrdinalIgnoreCase);
        if (trigger is ErrorTrigger && !interrupting)
        {
            Error(element, "an error start event always interrupts; remove isInterrupting=\"false\"");
        }

        return trigger is null ? null : new StartEvent(id, name, line, trigger, interrupting);
    }

    private FlowNode? ParseCatchEvent(XElement element, string id, string? name, int line)
    {
        var trigger = ParseCatchTrigger(element, "intermediate catch events", "timerEventDefinition", "messageEventDefinition", "signalEventDefinition");
        return trigger is null ? null : new IntermediateCatchEvent(id, name, line, trigger);
    }

    private FlowNode? ParseThrowEvent(XElement element, string id, string? name, int line)
    {
        var definitions = EventDefinitionsOf(element);
        if (definitions.Count == 0)
        {
            return new IntermediateThrowEvent(id, name, line);
        }

        if (definitions.Count == 1 && definitions[0].Name.LocalName == "signalEventDefinition")
        {
            return ParseSignal(element, definitions[0]) is { } signal ? new IntermediateThrowEvent(id, name, line, signal) : null;
        }

        if (definitions.Count == 1 && definitions[0].Name.LocalName == "escalationEventDefinition")
        {
            return ParseThrownEscalation(element, definitions[0]) is { } escalation ? new IntermediateThrowEvent(id, name, line, escalation: escalation) : null;
        }

        Error(element, definitions.Count > 1
            ? "intermediate throw events with several event definitions are not supported"
            : $"intermediate throw events with a {Describe(definitions[0])} are not supported; none, signal and escalation throw events are");
        return null;
    }

    private EventBasedGateway? ParseEventBasedGateway(XElement element, string id, string? name, int line)
    {
        if (string.Equals(Attr(element, "instantiate"), "true", StringComparison.OrdinalIgnoreCase)
            || Attr(element, "eventGatewayType") is "Parallel")
        {
            Error(element, "event-based gateways that start a case (instantiate=\"true\") or wait for all events (Parallel) are not supported");
            return null;
        }

        return new EventBasedGateway(id, name, line);
    }

    private ReceiveTask? ParseReceiveTask(XElement element, string id, string? name, int line)
    {
        if (Attr(element, "messageRef") is not { } messageRef)
        {
            return new ReceiveTask(id, name, line);
        }

        return ParseMessage(element, messageRef, "receive task") is { } message ? new ReceiveTask(id, name, line, message) : null;
    }

    private BoundaryEvent? ParseBoundaryEvent(XElement element, FlowContainer container)
    {
        RequireId(element);
        var id = Attr(element, "id") ?? "";
        // What the event waits for is its own problem; its activity being refused is not (and is not blamed here).
        var trigger = ParseCatchTrigger(element, "boundary events",
            "errorEventDefinition", "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "escalationEventDefinition");
        var attachedToRef = Attr(element, "attachedToRef");
        if (attachedToRef is null || container.Nodes.GetValueOrDefault(attachedToRef) is not Activity activity)
        {
            if (!IsReportedUnsupported(attachedToRef))
            {
                Error(element, $"the boundary event is attached to '{attachedToRef}', which is not an activity in the same process or sub-process");
            }

            return null;
        }

        if (trigger is null)
        {
            return null;
        }

        if (activity is SubProcess { TriggeredByEvent: true })
        {
            Error(element, "an event sub-process cannot have boundary events");
            return null;
        }

        var cancelActivity = !string.Equals(Attr(element, "cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
        if (trigger is ErrorTrigger && !cancelActivity)
        {
            Error(element, "an error boundary event always interrupts its activity; remove cancelActivity=\"false\"");
            return null;
        }

        var boundary = new BoundaryEvent(id, Attr(element, "name"), Line(element), activity, trigger, cancelActivity);
        activity.BoundaryEvents.Add(boundary);
        ParseCommon(element, boundary);
        return boundary;
    }

    /// <summary>The error code an error event names: the referenced error's code, or the reference itself as Camunda reads it.</summary>
    private string? ResolveErrorCode(XElement owner, XElement definition)
    {
        var errorRef = Attr(definition, "errorRef");
        if (errorRef is null)
        {
            return null;
        }

        return _errorCodes.TryGetValue(errorRef, out var code) ? code : errorRef;
    }

    private string? ResolveEscalationCode(XElement definition) =>
        Attr(definition, "escalationRef") is { } escalationRef
            ? _escalationCodes.TryGetValue(escalationRef, out var code) ? code : escalationRef
            : null;

    /// <summary>An escalation throw or end event throws the code of the escalation it names.</summary>
    private EscalationTrigger? ParseThrownEscalation(XElement owner, XElement definition)
    {
        var code = ResolveEscalationCode(definition);
        if (string.IsNullOrWhiteSpace(code))
        {
            Error(owner, Attr(definition, "escalationRef") is { } escalationRef
                ? $"the escalation '{escalationRef}' thrown here has no escalationCode"
                : "the escalation event names no escalation (escalationRef); it must throw one with an escalationCode");
            return null;
        }

        return new EscalationTrigger(code, null);
    }

    /// <summary>An error end event must throw a code: Camunda refuses one without (an error with no or an empty errorCode).</summary>
    private string? ResolveThrownErrorCode(XElement owner, XElement definition)
    {
        var errorRef = Attr(definition, "errorRef");
        var code = ResolveErrorCode(owner, definition);
        if (string.IsNullOrWhiteSpace(code))
        {
            Error(owner, errorRef is null
                ? "the error end event names no error (errorRef); it must throw an error with an errorCode"
                : $"the error '{errorRef}' thrown here has no errorCode");
        }

        return code;
    }

    /// <summary>
    /// The targets of an event-based gateway must be events it can wait for: intermediate timer, message or signal
    /// catch events, or receive tasks with a message, each reached from the gateway alone (BPMN 2.0 §10.6.6).
    /// </summary>
    private void CheckEventBasedGateway(EventBasedGateway gateway)
    {
        if (gateway.Outgoing.Count < 2)
        {
            Error(gateway.Id, gateway.Line, "an event-based gateway needs at least two outgoing sequence flows, each to an event it waits for");
        }

        foreach (var flow in gateway.Outgoing)
        {
            if (flow.Condition is not null)
            {
                Error(flow.Id, flow.Line, "a sequence flow leaving an event-based gateway cannot have a condition");
            }

            var target = flow.Target;
            if (target is not IntermediateCatchEvent and not ReceiveTask { Message: not null })
            {
                Error(target.Id, target.Line, $"'{target.Id}' follows event-based gateway '{gateway.Id}', so it must be an intermediate timer, message or signal catch event or a receive task with a message");
            }
            else if (target.Incoming.Count > 1)
            {
                Error(target.Id, target.Line, $"'{target.Id}' follows event-based gateway '{gateway.Id}' and may have no other incoming sequence flow");
            }
        }
    }
}
