using System.Xml.Linq;
using Brands.Workflows.Model;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

internal sealed partial class BpmnParser
{
    private static readonly string[] EventDefinitions =
    [
        "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "errorEventDefinition",
        "escalationEventDefinition", "compensateEventDefinition", "conditionalEventDefinition",
        "linkEventDefinition", "cancelEventDefinition", "terminateEventDefinition",
    ];

    private static readonly string[] CommonCamundaAttributes = ["asyncBefore", "asyncAfter", "async", "exclusive", "jobPriority"];

    private static readonly Dictionary<string, string[]> CamundaAttributes = new(StringComparer.Ordinal)
    {
        ["userTask"] = ["assignee", "candidateUsers", "candidateGroups", "dueDate", "followUpDate", "priority", "formRef", "formRefBinding", "formRefVersion", "formKey"],
        ["serviceTask"] = ["type", "topic", "taskPriority", "expression", "resultVariable"],
        ["sendTask"] = ["type", "topic", "taskPriority"],
        ["businessRuleTask"] = ["type", "topic", "taskPriority"],
        ["scriptTask"] = ["resultVariable"],
        ["callActivity"] = ["calledElementBinding", "calledElementVersion", "calledElementVersionTag", "calledElementTenantId"],
        ["startEvent"] = ["formKey", "formRef", "formRefBinding", "formRefVersion", "initiator"],
    };

    private static List<XElement> EventDefinitionsOf(XElement element) =>
        [.. element.Elements().Where(e => e.Name.Namespace == Bpmn && EventDefinitions.Contains(e.Name.LocalName))];

    private FlowNode? ParseEndEvent(XElement element, string id, string? name, int line)
    {
        var definitions = EventDefinitionsOf(element);
        if (definitions.Count == 0)
        {
            return new EndEvent(id, name, line, EndEventKind.None, null);
        }

        if (definitions.Count > 1)
        {
            Error(element, "end events with several event definitions are not supported");
            return null;
        }

        switch (definitions[0].Name.LocalName)
        {
            case "terminateEventDefinition":
                return new EndEvent(id, name, line, EndEventKind.Terminate, null);
            case "errorEventDefinition":
                return new EndEvent(id, name, line, EndEventKind.Error, ResolveThrownErrorCode(element, definitions[0]));
            case "signalEventDefinition":
                return ParseSignal(element, definitions[0]) is { } signal ? new EndEvent(id, name, line, EndEventKind.Signal, null, signal) : null;
            case "escalationEventDefinition":
                return ParseThrownEscalation(element, definitions[0]) is { } escalation
                    ? new EndEvent(id, name, line, EndEventKind.Escalation, null, escalation)
                    : null;
            default:
                Error(element, $"end events with a {Describe(definitions[0])} are not supported; none, terminate, error, signal and escalation end events are");
                return null;
        }
    }

    private static string Describe(XElement definition) =>
        definition.Name.LocalName.Replace("EventDefinition", "", StringComparison.Ordinal) + " event definition";

    private UserTask ParseUserTask(XElement element, string id, string? name, int line) => new(id, name, line)
    {
        Assignee = CompileExpression(element, CamundaAttr(element, "assignee"), "camunda:assignee"),
        CandidateUsers = CompileExpression(element, CamundaAttr(element, "candidateUsers"), "camunda:candidateUsers"),
        CandidateGroups = CompileExpression(element, CamundaAttr(element, "candidateGroups"), "camunda:candidateGroups"),
        DueDate = CompileExpression(element, CamundaAttr(element, "dueDate"), "camunda:dueDate"),
        FollowUpDate = CompileExpression(element, CamundaAttr(element, "followUpDate"), "camunda:followUpDate"),
        Priority = CompileExpression(element, CamundaAttr(element, "priority"), "camunda:priority"),
        FormRef = CamundaAttr(element, "formRef") ?? CamundaAttr(element, "formKey"),
        FormRefBinding = CamundaAttr(element, "formRefBinding"),
    };

    private Activity? ParseServiceTask(XElement element, string id, string? name, int line)
    {
        if (element.Name.LocalName == "serviceTask" && CamundaAttr(element, "expression") is { } text && CamundaAttr(element, "type") is null)
        {
            var expression = CompileExpression(element, text, "camunda:expression");
            return expression is null ? null : new ExpressionTask(id, name, line, expression, CamundaAttr(element, "resultVariable"));
        }

        var type = CamundaAttr(element, "type");
        var topic = CamundaAttr(element, "topic");
        if (type != "external" || string.IsNullOrWhiteSpace(topic))
        {
            if (_strict)
            {
                Error(element, $"<{element.Name.LocalName}> needs camunda:type=\"external\" and a camunda:topic naming its handler{(element.Name.LocalName == "serviceTask" ? ", or a JavaScript camunda:expression" : "")}");
            }

            return null;
        }

        return new ServiceTask(id, name, line, topic);
    }

    private ScriptTask? ParseScriptTask(XElement element, string id, string? name, int line)
    {
        var format = Attr(element, "scriptFormat")?.ToLowerInvariant();
        if (format is not ("javascript" or "js" or "ecmascript" or "text/javascript"))
        {
            Error(element, $"script format '{Attr(element, "scriptFormat")}' is not supported; use JavaScript");
            return null;
        }

        var code = element.Element(Bpmn + "script")?.Value;
        if (string.IsNullOrWhiteSpace(code))
        {
            Error(element, "the script task has no <script>");
            return null;
        }

        var script = Expressions.ExpressionCompiler.CompileProgram(code, out var error);
        if (script is null)
        {
            Error(element, $"the script: {error}");
            return null;
        }

        return new ScriptTask(id, name, line, script, CamundaAttr(element, "resultVariable"));
    }

    private SubProcess? ParseSubProcess(XElement element, string id, string? name, int line, ProcessModel process)
    {
        var triggered = string.Equals(Attr(element, "triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase);
        var subProcess = new SubProcess(id, name, line, triggered);
        ParseContainer(element, subProcess.Body, process);
        if (_strict)
        {
            CheckStartEvents(element, subProcess.Body, triggered ? ContainerKind.EventSubProcess : ContainerKind.SubProcess);
        }

        return subProcess;
    }

    private CallActivity? ParseCallActivity(XElement element, string id, string? name, int line)
    {
        var calledElement = Attr(element, "calledElement");
        if (string.IsNullOrWhiteSpace(calledElement))
        {
            if (_strict)
            {
                Error(element, "the call activity has no calledElement");
            }

            return null;
        }

        var called = CompileExpression(element, calledElement, "calledElement");
        if (called is null)
        {
            return null;
        }

        var call = new CallActivity(id, name, line, called);
        foreach (var mapping in Extensions(element).Where(e => e.Name.Namespace == Camunda && e.Name.LocalName is "in" or "out"))
        {
            if (mapping.Name.LocalName == "in" && Attr(mapping, "businessKey") is { } businessKey)
            {
                call.BusinessKey = CompileExpression(element, businessKey, "camunda:in businessKey");
                continue;
            }

            var all = Attr(mapping, "variables") == "all";
            var source = Attr(mapping, "source");
            var sourceExpression = CompileExpression(element, Attr(mapping, "sourceExpression"), $"camunda:{mapping.Name.LocalName} sourceExpression");
            var target = Attr(mapping, "target");
            if (!all && (target is null || (source is null && sourceExpression is null)))
            {
                Error(element, $"camunda:{mapping.Name.LocalName} needs source or sourceExpression, and target (or variables=\"all\")");
                continue;
            }

            var parsed = new VariableMapping(source, sourceExpression, target, all, Attr(mapping, "local") == "true");
            (mapping.Name.LocalName == "in" ? call.In : call.Out).Add(parsed);
        }

        return call;
    }

    private static IEnumerable<XElement> Extensions(XElement element) =>
        element.Element(Bpmn + "extensionElements")?.Elements() ?? [];
}
