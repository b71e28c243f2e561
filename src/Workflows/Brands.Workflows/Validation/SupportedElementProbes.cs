namespace Brands.Workflows.Validation;

/// <summary>
/// The candidate kinds of flow node and, for each, small files that are valid in every other respect: a none start,
/// the probed element (id <see cref="ProbeId"/>) where BPMN allows it, a none end, and the message, signal, error and
/// escalation it may refer to.
/// </summary>
internal static class SupportedElementProbes
{
    public const string ProbeId = "probe";

    private static readonly string[] Tasks = ["task", "userTask", "manualTask", "receiveTask"];
    private static readonly string[] ExternalTasks = ["serviceTask", "sendTask", "businessRuleTask"];
    private static readonly string[] Gateways = ["exclusiveGateway", "parallelGateway", "inclusiveGateway", "complexGateway"];
    private static readonly string[] Choreography = ["callChoreography", "subChoreography", "choreographyTask", "implicitThrowEvent"];

    private static readonly string[] StartDefinitions = ["timer", "message", "signal", "conditional", "multiple"];
    private static readonly string[] EndDefinitions = ["terminate", "error", "message", "signal", "escalation", "compensate", "cancel"];
    private static readonly string[] ThrowDefinitions = ["message", "signal", "escalation", "compensate", "link"];
    private static readonly string[] CatchDefinitions = ["timer", "message", "signal", "conditional", "link", "multiple"];
    private static readonly string[] BoundaryDefinitions = ["timer", "message", "signal", "error", "escalation", "conditional", "compensate", "cancel"];
    private static readonly string[] EventSubProcessDefinitions = ["timer", "message", "signal", "conditional", "error", "escalation", "compensate"];

    public static IEnumerable<(string Kind, IReadOnlyList<string> Variants)> All()
    {
        foreach (var task in Tasks)
        {
            yield return (task, [Middle($"<{task} id=\"probe\"/>")]);
        }

        yield return ("receiveTask/message", [Middle("<receiveTask id=\"probe\" messageRef=\"probeMessage\"/>")]);
        foreach (var task in ExternalTasks)
        {
            yield return (task, [Middle($"<{task} id=\"probe\" camunda:type=\"external\" camunda:topic=\"probe\"/>")]);
        }

        yield return ("scriptTask", [Middle("<scriptTask id=\"probe\" scriptFormat=\"javascript\"><script>1</script></scriptTask>")]);
        yield return ("callActivity", [Middle("<callActivity id=\"probe\" calledElement=\"called\"/>")]);
        foreach (var container in new[] { "subProcess", "transaction" })
        {
            yield return (container, [Middle($"<{container} id=\"probe\">{InnerFlow("probeInner")}</{container}>")]);
        }

        yield return ("adHocSubProcess", [Middle("<adHocSubProcess id=\"probe\"><task id=\"probeInner\"/></adHocSubProcess>")]);
        foreach (var gateway in Gateways)
        {
            yield return (gateway, [Middle($"<{gateway} id=\"probe\"/>")]);
        }

        yield return ("eventBasedGateway", [EventBasedGateway("timer"), EventBasedGateway("message")]);
        foreach (var element in Choreography)
        {
            yield return (element, [Middle($"<{element} id=\"probe\"/>")]);
        }

        yield return ("eventSubProcess", [.. EventSubProcessDefinitions.Select(d => EventSubProcess(d, interrupting: true))]);
        yield return ("startEvent", [Wrap("<startEvent id=\"probe\"/><sequenceFlow id=\"probeOut\" sourceRef=\"probe\" targetRef=\"end\"/><endEvent id=\"end\"/>")]);
        yield return ("endEvent", [Wrap("<startEvent id=\"start\"/><sequenceFlow id=\"probeIn\" sourceRef=\"start\" targetRef=\"probe\"/><endEvent id=\"probe\"/>")]);
        yield return ("intermediateThrowEvent", [Middle("<intermediateThrowEvent id=\"probe\"/>")]);
        foreach (var definition in StartDefinitions)
        {
            yield return ($"startEvent/{definition}", [.. Definitions(definition).Select(d =>
                Wrap($"<startEvent id=\"probe\">{d}</startEvent><sequenceFlow id=\"probeOut\" sourceRef=\"probe\" targetRef=\"end\"/>" + StartAndEnd))]);
        }

        foreach (var definition in EndDefinitions)
        {
            yield return ($"endEvent/{definition}", [.. Definitions(definition).Select(d =>
                Wrap($"<startEvent id=\"start\"/><sequenceFlow id=\"probeIn\" sourceRef=\"start\" targetRef=\"probe\"/><endEvent id=\"probe\">{d}</endEvent>"))]);
        }

        foreach (var definition in ThrowDefinitions)
        {
            yield return ($"intermediateThrowEvent/{definition}", [.. Definitions(definition).Select(d => Middle($"<intermediateThrowEvent id=\"probe\">{d}</intermediateThrowEvent>"))]);
        }

        foreach (var definition in CatchDefinitions)
        {
            yield return ($"intermediateCatchEvent/{definition}", [.. Definitions(definition).Select(d => Middle($"<intermediateCatchEvent id=\"probe\">{d}</intermediateCatchEvent>"))]);
        }

        foreach (var definition in BoundaryDefinitions)
        {
            // Both ways even where BPMN allows only one (an error always interrupts): the validator has the last word.
            yield return ($"boundaryEvent/{definition}", [.. Definitions(definition).Select(d => Boundary(d, interrupting: true))]);
            yield return ($"boundaryEvent/{definition}/non-interrupting", [.. Definitions(definition).Select(d => Boundary(d, interrupting: false))]);
        }

        foreach (var definition in EventSubProcessDefinitions)
        {
            yield return ($"eventSubProcessStartEvent/{definition}", [EventSubProcess(definition, interrupting: true)]);
            yield return ($"eventSubProcessStartEvent/{definition}/non-interrupting", [EventSubProcess(definition, interrupting: false)]);
        }
    }

    /// <summary>Each way of writing an event definition that a validator may accept.</summary>
    private static IEnumerable<string> Definitions(string definition) => definition switch
    {
        "timer" =>
        [
            "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>",
            "<timerEventDefinition><timeDate>2030-01-01T09:00:00+08:00</timeDate></timerEventDefinition>",
            "<timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>",
        ],
        "message" => ["<messageEventDefinition messageRef=\"probeMessage\"/>"],
        "signal" => ["<signalEventDefinition signalRef=\"probeSignal\"/>"],
        "error" => ["<errorEventDefinition errorRef=\"probeError\"/>", "<errorEventDefinition/>"],
        "escalation" => ["<escalationEventDefinition escalationRef=\"probeEscalation\"/>"],
        "conditional" => ["<conditionalEventDefinition><condition xsi:type=\"tFormalExpression\">${true}</condition></conditionalEventDefinition>"],
        "link" => ["<linkEventDefinition name=\"probe\"/>"],
        "multiple" =>
        [
            "<messageEventDefinition messageRef=\"probeMessage\"/><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>",
        ],
        _ => [$"<{definition}EventDefinition/>"],
    };

    private const string StartAndEnd = "<startEvent id=\"start\"/><sequenceFlow id=\"main\" sourceRef=\"start\" targetRef=\"end\"/><endEvent id=\"end\"/>";

    private static string InnerFlow(string prefix) =>
        $"<startEvent id=\"{prefix}Start\"/><sequenceFlow id=\"{prefix}Flow\" sourceRef=\"{prefix}Start\" targetRef=\"{prefix}End\"/><endEvent id=\"{prefix}End\"/>";

    /// <summary>start → probe → end.</summary>
    private static string Middle(string element) => Wrap(
        "<startEvent id=\"start\"/><sequenceFlow id=\"probeIn\" sourceRef=\"start\" targetRef=\"probe\"/>" + element
        + "<sequenceFlow id=\"probeOut\" sourceRef=\"probe\" targetRef=\"end\"/><endEvent id=\"end\"/>");

    private static string Boundary(string definition, bool interrupting) => Wrap(
        "<startEvent id=\"start\"/><sequenceFlow id=\"toHost\" sourceRef=\"start\" targetRef=\"host\"/><userTask id=\"host\"/>"
        + "<sequenceFlow id=\"fromHost\" sourceRef=\"host\" targetRef=\"end\"/><endEvent id=\"end\"/>"
        + $"<boundaryEvent id=\"probe\" attachedToRef=\"host\" cancelActivity=\"{(interrupting ? "true" : "false")}\">{definition}</boundaryEvent>"
        + "<sequenceFlow id=\"probeOut\" sourceRef=\"probe\" targetRef=\"probeEnd\"/><endEvent id=\"probeEnd\"/>");

    private static string EventSubProcess(string definition, bool interrupting) => Wrap(
        StartAndEnd.Replace("targetRef=\"end\"", "targetRef=\"host\"", StringComparison.Ordinal)
            .Replace("<endEvent id=\"end\"/>", "<userTask id=\"host\"/><sequenceFlow id=\"fromHost\" sourceRef=\"host\" targetRef=\"end\"/><endEvent id=\"end\"/>", StringComparison.Ordinal)
        + "<subProcess id=\"eventSubProcess\" triggeredByEvent=\"true\">"
        + $"<startEvent id=\"probe\" isInterrupting=\"{(interrupting ? "true" : "false")}\">{Definitions(definition).First()}</startEvent>"
        + "<sequenceFlow id=\"probeOut\" sourceRef=\"probe\" targetRef=\"probeEnd\"/><endEvent id=\"probeEnd\"/></subProcess>");

    private static string EventBasedGateway(string firstCatch) => Middle(
        "<eventBasedGateway id=\"probe\"/>"
        + $"<intermediateCatchEvent id=\"catchA\">{Definitions(firstCatch).First()}</intermediateCatchEvent>"
        + "<intermediateCatchEvent id=\"catchB\"><signalEventDefinition signalRef=\"probeSignal\"/></intermediateCatchEvent>"
        + "<sequenceFlow id=\"toA\" sourceRef=\"probe\" targetRef=\"catchA\"/><sequenceFlow id=\"toB\" sourceRef=\"probe\" targetRef=\"catchB\"/>"
        + "<sequenceFlow id=\"fromA\" sourceRef=\"catchA\" targetRef=\"end\"/><sequenceFlow id=\"fromB\" sourceRef=\"catchB\" targetRef=\"end\"/>")
        .Replace("<sequenceFlow id=\"probeOut\" sourceRef=\"probe\" targetRef=\"end\"/>", "", StringComparison.Ordinal);

    private static string Wrap(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"probeDefinitions\" targetNamespace=\"https://brands.example/probe\">"
        + "<message id=\"probeMessage\" name=\"probe\"/><signal id=\"probeSignal\" name=\"probe\"/>"
        + "<error id=\"probeError\" errorCode=\"probe\"/><escalation id=\"probeEscalation\" escalationCode=\"probe\"/>"
        + $"<process id=\"probeProcess\" isExecutable=\"true\">{body}</process></definitions>";
}
