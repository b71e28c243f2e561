using System.Xml.Linq;
using Brands.Workflows.Model;
using Brands.Workflows.Runtime;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

internal sealed partial class BpmnParser
{
    private readonly Dictionary<FlowNode, XElement> _elements = [];

    /// <summary>Attributes and extensions every flow node may carry: async flags, retries, I/O, multi-instance.</summary>
    private void ParseCommon(XElement element, FlowNode node)
    {
        _elements[node] = element;
        var local = element.Name.LocalName;
        CheckAttributes(element, local);
        ParseCamundaAttributes(element, node);
        node.AsyncBefore = CamundaAttr(element, "asyncBefore") == "true" || CamundaAttr(element, "async") == "true";
        node.AsyncAfter = CamundaAttr(element, "asyncAfter") == "true";

        foreach (var extension in Extensions(element))
        {
            ParseExtension(element, node, extension);
        }

        if (Attr(element, "isForCompensation") == "true")
        {
            Error(element, "compensation activities are not supported");
        }

        if (Attr(element, "startQuantity") is { } start && start != "1" || Attr(element, "completionQuantity") is { } completion && completion != "1")
        {
            Error(element, "startQuantity and completionQuantity other than 1 are not supported");
        }

        if (element.Element(Bpmn + "standardLoopCharacteristics") is not null)
        {
            Error(element, "standard loops are not supported; use multi-instance or a loop of sequence flows");
        }

        if (element.Element(Bpmn + "multiInstanceLoopCharacteristics") is { } mi)
        {
            if (node is Activity activity)
            {
                activity.MultiInstance = ParseMultiInstance(element, mi);
            }
            else
            {
                Error(element, "only activities can be multi-instance");
            }
        }
    }

    private void CheckAttributes(XElement element, string local)
    {
        if (!_strict)
        {
            return;
        }

        var allowed = CamundaAttributes.GetValueOrDefault(local) ?? [];
        foreach (var attribute in element.Attributes())
        {
            var ns = attribute.Name.NamespaceName;
            if (attribute.Name.Namespace == Camunda)
            {
                var name = attribute.Name.LocalName;
                if (!CommonCamundaAttributes.Contains(name) && !allowed.Contains(name))
                {
                    Error(element, $"camunda:{name} is not supported on <{local}>");
                }
            }
            else if (MisboundCamunda(attribute.Name, element) is { } misbound)
            {
                Error(element, misbound);
            }
            else if (ForeignEngines.TryGetValue(ns, out var engine))
            {
                Error(element, $"the attribute {attribute.Name.LocalName} is an extension of {engine} ({ns}), which this engine does not execute; use the Camunda 7 namespace {Camunda.NamespaceName}");
            }
        }
    }

    private void ParseExtension(XElement element, FlowNode node, XElement extension)
    {
        if (extension.Name.Namespace != Camunda)
        {
            CheckForeign(extension, element);
            return;
        }

        switch (extension.Name.LocalName)
        {
            case "failedJobRetryTimeCycle":
                node.RetryCycle = extension.Value.Trim();
                if (!RetryCycle.TryParse(node.RetryCycle, out _))
                {
                    Error(element, $"camunda:failedJobRetryTimeCycle '{node.RetryCycle}' is not of the form R<n>/<ISO 8601 duration>, e.g. R3/PT5M");
                }

                break;
            case "inputOutput":
                ParseInputOutput(element, node, extension);
                break;
            case "properties":
                break;
            case "executionListener":
                if (ParseListener(element, extension, isTaskListener: false) is { } executionListener)
                {
                    node.ExecutionListeners.Add(executionListener);
                }

                break;
            case "taskListener" when node is UserTask userTask:
                if (ParseListener(element, extension, isTaskListener: true) is { } taskListener)
                {
                    userTask.TaskListeners.Add(taskListener);
                }

                break;
            case "in" or "out" when node is CallActivity:
                CheckMappingTarget(element, extension);
                break;
            default:
                if (_strict)
                {
                    Error(element, $"camunda:{extension.Name.LocalName} is not supported{Hint(extension.Name.LocalName)}");
                }

                break;
        }
    }

    private static string Hint(string extension) => extension switch
    {
        "formData" => "; design the form with the form editor and set camunda:formRef",
        "taskListener" => "; task listeners belong on user tasks",
        _ => "",
    };

    private void ParseInputOutput(XElement element, FlowNode node, XElement inputOutput)
    {
        foreach (var parameter in inputOutput.Elements())
        {
            var isInput = parameter.Name == Camunda + "inputParameter";
            if (!isInput && parameter.Name != Camunda + "outputParameter")
            {
                continue;
            }

            var name = Attr(parameter, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                Error(element, $"camunda:{parameter.Name.LocalName} has no name");
                continue;
            }

            if (parameter.HasElements)
            {
                Error(element, $"camunda:{parameter.Name.LocalName} '{name}': scripts, lists and maps are not supported; write a ${{…}} expression");
                continue;
            }

            var value = CompileExpression(element, parameter.Value, $"camunda:{parameter.Name.LocalName} '{name}'");
            (isInput ? node.Inputs : node.Outputs).Add(new InputOutputMapping(name, value));
        }
    }

    private MultiInstance ParseMultiInstance(XElement element, XElement mi)
    {
        var cardinality = mi.Element(Bpmn + "loopCardinality")?.Value.Trim();
        // BPMN's own form (loopDataInputRef naming the collection variable, inputDataItem naming the element
        // variable) is read as Camunda reads it; camunda:collection and camunda:elementVariable take precedence.
        var collection = CamundaAttr(mi, "collection") ?? NonEmpty(mi.Element(Bpmn + "loopDataInputRef")?.Value.Trim());
        var elementVariable = CamundaAttr(mi, "elementVariable") ?? NonEmpty(mi.Element(Bpmn + "inputDataItem") is { } item ? Attr(item, "name") : null);
        var condition = mi.Element(Bpmn + "completionCondition")?.Value.Trim();
        if (string.IsNullOrEmpty(cardinality) && string.IsNullOrEmpty(collection))
        {
            Error(element, "multi-instance needs loopCardinality, camunda:collection or loopDataInputRef");
        }

        return new MultiInstance
        {
            IsSequential = Attr(mi, "isSequential") == "true",
            LoopCardinality = string.IsNullOrEmpty(cardinality) ? null : CompileExpression(element, cardinality, "loopCardinality"),
            Collection = string.IsNullOrEmpty(collection) ? null
                : CompileExpression(element, collection.Contains("${", StringComparison.Ordinal) ? collection : $"${{{collection}}}", "camunda:collection"),
            ElementVariable = elementVariable,
            CompletionCondition = string.IsNullOrEmpty(condition) ? null : CompileExpression(element, condition, "completionCondition"),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Structural checks that need the flows in place.</summary>
    private void CheckNode(FlowNode node)
    {
        if (!_strict || !_elements.TryGetValue(node, out var element))
        {
            return;
        }

        ResolveDefault(element, node);
        switch (node)
        {
            case StartEvent when node.Incoming.Count > 0:
                Error(element, "a start event cannot have incoming sequence flows");
                break;
            case EndEvent when node.Outgoing.Count > 0:
                Error(element, "an end event cannot have outgoing sequence flows");
                break;
            case SubProcess { TriggeredByEvent: true } when node.Incoming.Count + node.Outgoing.Count > 0:
                Error(element, "an event sub-process has no incoming or outgoing sequence flows; it starts by its event");
                break;
            case BoundaryEvent when node.Incoming.Count > 0:
                Error(element, "a boundary event cannot have incoming sequence flows");
                break;
            case EventBasedGateway gateway when !_sourcesOfRefusedFlows.Contains(node.Id):
                CheckEventBasedGateway(gateway);
                break;
            case Gateway when node.Outgoing.Count == 0 && !_sourcesOfRefusedFlows.Contains(node.Id):
                Error(element, "the gateway has no outgoing sequence flow");
                break;
            case ParallelGateway when node.Outgoing.Any(f => f.Condition is not null):
                Error(element, "sequence flows leaving a parallel gateway cannot have conditions");
                break;
        }
    }

    private void ResolveDefault(XElement element, FlowNode node)
    {
        if (Attr(element, "default") is not { } defaultId)
        {
            return;
        }

        var flow = node.Outgoing.FirstOrDefault(f => f.Id == defaultId);
        if (flow is null && !_flowsToRefused.Contains(defaultId))
        {
            Error(element, $"the default flow '{defaultId}' is not an outgoing sequence flow of this element");
        }

        if (flow is null)
        {
            return;
        }

        switch (node)
        {
            case Gateway gateway:
                gateway.DefaultFlow = flow;
                break;
            case Activity activity:
                activity.DefaultFlow = flow;
                break;
        }
    }
}
