using System.Xml.Linq;
using Brands.Workflows.Model;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

internal sealed partial class BpmnParser
{
    /// <summary>Content that does not change execution: kept in the file, ignored by the engine.</summary>
    private static readonly HashSet<string> Ignored =
    [
        "documentation", "extensionElements", "laneSet", "textAnnotation", "association", "group", "dataObject",
        "dataObjectReference", "dataStoreReference", "property", "ioSpecification", "auditing", "monitoring",
        "category", "incoming", "outgoing", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
        "dataInputAssociation", "dataOutputAssociation",
    ];

    /// <summary>BPMN elements the engine does not execute (yet), with the reason shown to the author.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["complexGateway"] = "complex gateways are not supported",
        ["transaction"] = "transaction sub-processes are not supported",
        ["adHocSubProcess"] = "ad-hoc sub-processes are not supported",
        ["callChoreography"] = "choreographies are not executable",
        ["subChoreography"] = "choreographies are not executable",
        ["choreographyTask"] = "choreographies are not executable",
        ["implicitThrowEvent"] = "implicit throw events are not supported",
    };

    private void ParseContainer(XElement parent, FlowContainer container, ProcessModel process)
    {
        var boundaries = new List<XElement>();
        var flows = new List<XElement>();
        foreach (var child in parent.Elements())
        {
            if (child.Name.Namespace != Bpmn)
            {
                CheckForeign(child);
                continue;
            }

            var local = child.Name.LocalName;
            if (local == "boundaryEvent")
            {
                boundaries.Add(child);
            }
            else if (local == "sequenceFlow")
            {
                flows.Add(child);
            }
            else if (Ignored.Contains(local))
            {
                continue;
            }
            else if (ParseNode(child, process) is { } node)
            {
                node.Container = container;
                container.Nodes[node.Id] = node;
                process.AllNodes[node.Id] = node;
            }
        }

        foreach (var element in boundaries)
        {
            if (ParseBoundaryEvent(element, container) is { } boundary)
            {
                boundary.Container = container;
                container.Nodes[boundary.Id] = boundary;
                process.AllNodes[boundary.Id] = boundary;
            }
        }

        foreach (var element in flows)
        {
            ParseSequenceFlow(element, container);
        }

        foreach (var node in container.Nodes.Values)
        {
            CheckNode(node);
        }
    }

    private FlowNode? ParseNode(XElement element, ProcessModel process)
    {
        var local = element.Name.LocalName;
        if (Unsupported.TryGetValue(local, out var reason))
        {
            if (_strict)
            {
                Error(element, reason);
            }

            return null;
        }

        if (!IsKnownElement(local))
        {
            if (_strict)
            {
                Error(element, $"<{local}> is not a BPMN 2.0 flow element the engine knows");
            }

            return null;
        }

        if (_disallowed.Contains(local))
        {
            Error(element, $"<{local}> is not allowed on this server (Workflows:DisallowedElements)");
        }

        RequireId(element);
        var id = Attr(element, "id") ?? "";
        var name = Attr(element, "name");
        var line = Line(element);
        FlowNode? node = local switch
        {
            "startEvent" => ParseStartEvent(element, id, name, line),
            "endEvent" => ParseEndEvent(element, id, name, line),
            "intermediateThrowEvent" => ParseThrowEvent(element, id, name, line),
            "intermediateCatchEvent" => ParseCatchEvent(element, id, name, line),
            "eventBasedGateway" => ParseEventBasedGateway(element, id, name, line),
            "task" or "manualTask" => new PassThroughTask(id, name, line),
            "userTask" => ParseUserTask(element, id, name, line),
            "serviceTask" or "sendTask" or "businessRuleTask" => ParseServiceTask(element, id, name, line),
            "scriptTask" => ParseScriptTask(element, id, name, line),
            "receiveTask" => ParseReceiveTask(element, id, name, line),
            "subProcess" => ParseSubProcess(element, id, name, line, process),
            "callActivity" => ParseCallActivity(element, id, name, line),
            "exclusiveGateway" => new ExclusiveGateway(id, name, line),
            "parallelGateway" => new ParallelGateway(id, name, line),
            "inclusiveGateway" => new InclusiveGateway(id, name, line),
            _ => null,
        };

        if (node is not null)
        {
            ParseCommon(element, node);
        }
        else
        {
            // Not built, so its attributes were not checked: a misbound camunda: prefix is often why.
            CheckMisbound(element);
        }

        return node;
    }

    private static bool IsKnownElement(string local) =>
        local is "startEvent" or "endEvent" or "intermediateThrowEvent" or "intermediateCatchEvent" or "eventBasedGateway" or "task" or "manualTask" or "userTask"
            or "serviceTask" or "sendTask" or "businessRuleTask" or "scriptTask" or "receiveTask" or "subProcess"
            or "callActivity" or "exclusiveGateway" or "parallelGateway" or "inclusiveGateway";

    private void ParseSequenceFlow(XElement element, FlowContainer container)
    {
        CheckFlowExtensions(element);
        RequireId(element);
        var id = Attr(element, "id") ?? "";
        var sourceRef = Attr(element, "sourceRef");
        var targetRef = Attr(element, "targetRef");
        var source = sourceRef is null ? null : container.Nodes.GetValueOrDefault(sourceRef);
        var target = targetRef is null ? null : container.Nodes.GetValueOrDefault(targetRef);
        if (source is null || target is null)
        {
            // Remember flows lost to a refused endpoint, so their source is not blamed for having no outgoing flow.
            _flowsToRefused.Add(id);
            if (sourceRef is not null)
            {
                _sourcesOfRefusedFlows.Add(sourceRef);
            }

            // An unsupported endpoint was reported already; a missing one is reported here.
            if (_strict && ((source is null && !IsReportedUnsupported(sourceRef)) || (target is null && !IsReportedUnsupported(targetRef))))
            {
                Error(element, $"the sequence flow connects '{sourceRef}' to '{targetRef}', but {(source is null ? $"'{sourceRef}'" : $"'{targetRef}'")} is not a flow node in the same process or sub-process");
            }

            return;
        }

        var conditionElement = element.Element(Bpmn + "conditionExpression");
        Expression? condition = null;
        if (conditionElement is not null && _strict)
        {
            condition = ParseCondition(element, conditionElement);
        }

        var flow = new SequenceFlow(id, Attr(element, "name"), Line(element), source, target, condition);
        source.Outgoing.Add(flow);
        target.Incoming.Add(flow);
        container.Flows.Add(flow);
    }

    private readonly HashSet<string> _flowsToRefused = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourcesOfRefusedFlows = new(StringComparer.Ordinal);

    private bool IsReportedUnsupported(string? id) =>
        id is not null && _errors.Any(e => e.ElementId == id);

    private Expression? ParseCondition(XElement flow, XElement conditionElement)
    {
        var text = conditionElement.Value.Trim();
        var language = Attr(conditionElement, "language")?.ToLowerInvariant();
        if (language is "javascript" or "js" or "ecmascript")
        {
            var script = Expressions.ExpressionCompiler.CompileProgram(text, out var error);
            if (script is null)
            {
                Error(flow, $"the condition: {error}");
            }

            return script;
        }

        if (language is not null && !language.Contains("juel", StringComparison.Ordinal))
        {
            Error(flow, $"the condition language '{Attr(conditionElement, "language")}' is not supported; write ${{…}} (JavaScript)");
            return null;
        }

        if (!text.Contains("${", StringComparison.Ordinal))
        {
            Error(flow, $"the condition '{text}' is not an expression; write it as ${{…}}");
            return null;
        }

        return CompileExpression(flow, text, "the condition");
    }

    /// <summary>Reports another engine's extension element, naming the flow element that holds it.</summary>
    private void CheckForeign(XElement element, XElement? owner = null)
    {
        if (MisboundCamunda(element.Name, element, isElement: true) is { } misbound)
        {
            Error(Attr(owner ?? element, "id"), Line(owner ?? element), misbound);
        }
        else if (ForeignEngines.TryGetValue(element.Name.NamespaceName, out var engine))
        {
            Error(Attr(owner ?? element, "id"), Line(owner ?? element),
                $"<{element.Name.LocalName}> is an extension of {engine} ({element.Name.NamespaceName}), which this engine does not execute");
        }
    }
}
