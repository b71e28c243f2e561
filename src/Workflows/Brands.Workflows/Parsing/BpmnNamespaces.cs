using System.Xml.Linq;

namespace Brands.Workflows.Parsing;

/// <summary>Namespaces matched by URI, never by prefix.</summary>
internal static class BpmnNamespaces
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Other engines' execution extensions: present means the author expects behaviour we do not give.</summary>
    public static readonly IReadOnlyDictionary<string, string> ForeignEngines = new Dictionary<string, string>
    {
        ["http://activiti.org/bpmn"] = "Activiti",
        ["http://flowable.org/bpmn"] = "Flowable",
        ["http://camunda.org/schema/zeebe/1.0"] = "Zeebe (Camunda 8)",
        ["http://www.jboss.org/drools"] = "jBPM/Drools",
    };
}
