using System.Xml.Linq;
using Brands.Workflows.Parsing;

namespace Brands.Workflows.Versioning;

/// <summary>
/// What changed in one process between two BPMN files: elements matched by id, compared by their attributes and
/// content (nested elements of a sub-process are compared on their own; the diagram is not compared). Shown to an
/// administrator when a new version is deployed (README "The designer").
/// </summary>
public static class DefinitionComparer
{
    private static readonly XNamespace Bpmn = BpmnNamespaces.Bpmn;

    /// <summary>Containers whose children are flow elements of their own.</summary>
    private static readonly HashSet<string> Containers = ["process", "subProcess", "transaction", "adHocSubProcess"];

    /// <summary>References to neighbours: a new flow shows as added, not as a change of both its ends.</summary>
    private static readonly HashSet<string> Connections = ["incoming", "outgoing"];

    /// <summary>
    /// The changes of process <paramref name="processKey"/> from <paramref name="previousXml"/> to <paramref name="nextXml"/>,
    /// in document order (removed elements last). Throws <see cref="BpmnValidationException"/> when a file is not XML.
    /// </summary>
    public static IReadOnlyList<ElementChange> Compare(string previousXml, string nextXml, string processKey)
    {
        var previous = FlowElements(previousXml, processKey);
        var next = FlowElements(nextXml, processKey);
        var changes = new List<ElementChange>();
        foreach (var (id, element) in next)
        {
            if (!previous.TryGetValue(id, out var before))
            {
                changes.Add(Describe(element, id, ElementChangeKind.Added, []));
                continue;
            }

            var details = Differences(Flatten(before), Flatten(element));
            if (before.Name != element.Name)
            {
                details.Insert(0, $"{before.Name.LocalName} → {element.Name.LocalName}");
            }

            if (details.Count > 0)
            {
                changes.Add(Describe(element, id, ElementChangeKind.Changed, details));
            }
        }

        changes.AddRange(previous.Where(p => !next.ContainsKey(p.Key)).Select(p => Describe(p.Value, p.Key, ElementChangeKind.Removed, [])));
        return changes;
    }

    private static ElementChange Describe(XElement element, string id, ElementChangeKind change, IReadOnlyList<string> details) =>
        new(id, element.Name.LocalName, (string?)element.Attribute("name"), change, details);

    private static Dictionary<string, XElement> FlowElements(string xml, string processKey)
    {
        var errors = new List<ValidationError>();
        var document = SafeXmlLoader.Load(xml, int.MaxValue, errors);
        if (document?.Root is null)
        {
            throw new BpmnValidationException(errors);
        }

        var process = document.Root.Elements(Bpmn + "process").FirstOrDefault(p => (string?)p.Attribute("id") == processKey);
        var elements = new Dictionary<string, XElement>(StringComparer.Ordinal);
        if (process is not null)
        {
            Collect(process, elements);
        }

        return elements;
    }

    private static void Collect(XElement container, Dictionary<string, XElement> into)
    {
        foreach (var child in container.Elements().Where(e => e.Name.Namespace == Bpmn))
        {
            if ((string?)child.Attribute("id") is { } id)
            {
                into.TryAdd(id, child);
                if (Containers.Contains(child.Name.LocalName))
                {
                    Collect(child, into);
                }
            }
        }
    }

    /// <summary>Every attribute and text of the element and its content as path → value, e.g. <c>camunda:assignee</c>.</summary>
    private static Dictionary<string, string> Flatten(XElement element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(element, "", values, isRoot: true);
        return values;
    }

    private static void Flatten(XElement element, string path, Dictionary<string, string> into, bool isRoot)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && (!isRoot || a.Name.LocalName != "id")))
        {
            into[Join(path, Display(attribute.Name))] = attribute.Value;
        }

        if (!element.HasElements && !string.IsNullOrWhiteSpace(element.Value))
        {
            into[path.Length == 0 ? "text" : path] = element.Value.Trim();
        }

        var isContainer = Containers.Contains(element.Name.LocalName);
        var children = element.Elements()
            .Where(c => !(c.Name.Namespace == Bpmn && Connections.Contains(c.Name.LocalName)))
            .Where(c => !(isContainer && c.Name.Namespace == Bpmn && c.Attribute("id") is not null))
            .ToList();
        foreach (var group in children.GroupBy(c => Display(c.Name)))
        {
            var index = 0;
            foreach (var child in group)
            {
                var label = (string?)child.Attribute("name") is { } name ? $"{group.Key}[{name}]"
                    : group.Count() > 1 ? $"{group.Key}[{index}]" : group.Key;
                Flatten(child, Join(path, label), into, isRoot: false);
                index++;
            }
        }
    }

    private static string Display(XName name) =>
        name.Namespace == BpmnNamespaces.Camunda ? $"camunda:{name.LocalName}" : name.LocalName;

    private static string Join(string path, string part) => path.Length == 0 ? part : $"{path}/{part}";

    private static List<string> Differences(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var details = new List<string>();
        foreach (var (path, value) in after)
        {
            if (!before.TryGetValue(path, out var old))
            {
                details.Add($"{path}: + {value}");
            }
            else if (old != value)
            {
                details.Add($"{path}: {old} → {value}");
            }
        }

        details.AddRange(before.Where(b => !after.ContainsKey(b.Key)).Select(b => $"{b.Key}: − {b.Value}"));
        return details;
    }
}
