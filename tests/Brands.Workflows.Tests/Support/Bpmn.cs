namespace Brands.Workflows.Tests.Support;

/// <summary>Wraps process content in a BPMN 2.0 definitions document, as a modeler would write it.</summary>
public static class Bpmn
{
    public static string Process(string id, string content, string extraDefinitions = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="Definitions_{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          {extraDefinitions}
          <bpmn:process id="{id}" isExecutable="true">
            {content}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A flow from <paramref name="from"/> to <paramref name="to"/>, optionally with a condition.</summary>
    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";
}
