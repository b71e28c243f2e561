using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Brands.Workflows.Model;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

/// <summary>Camunda 7 extension attributes that Camunda itself checks at deploy, checked the same way here.</summary>
internal sealed partial class BpmnParser
{
    private static readonly string[] FormRefBindings = ["latest", "deployment", "version"];

    /// <summary>Attributes of &lt;process&gt;: <c>camunda:historyTimeToLive</c> must be days, as Camunda requires.</summary>
    private void CheckProcessAttributes(XElement process)
    {
        CheckMisbound(process);
        if (CamundaAttr(process, "historyTimeToLive") is { Length: > 0 } ttl && !IsHistoryTimeToLive(ttl))
        {
            Error(process, $"camunda:historyTimeToLive '{ttl}' is not a number of days: write a whole number of days (180) or an ISO 8601 period of days (P180D)");
        }
    }

    private static bool IsHistoryTimeToLive(string value)
    {
        var match = HistoryTimeToLivePeriod().Match(value);
        var days = match.Success ? match.Groups[1].Value : value;
        return int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    [GeneratedRegex("^P([0-9]+)D$")]
    private static partial Regex HistoryTimeToLivePeriod();

    /// <summary>Camunda extensions of one flow node that Camunda checks when it parses the node.</summary>
    private void ParseCamundaAttributes(XElement element, FlowNode node)
    {
        if (node is UserTask || node is StartEvent)
        {
            CheckForm(element);
        }

        switch (node)
        {
            case StartEvent start:
                start.Initiator = CamundaAttr(element, "initiator") is { Length: > 0 } initiator ? initiator : null;
                break;
            case CallActivity call:
                ParseCalledElementBinding(element, call);
                break;
        }
    }

    private void CheckForm(XElement element)
    {
        var formKey = CamundaAttr(element, "formKey");
        var formRef = CamundaAttr(element, "formRef");
        if (formKey is not null && formRef is not null)
        {
            Error(element, "camunda:formKey and camunda:formRef cannot be used together; keep camunda:formRef");
        }

        if (CamundaAttr(element, "formRefBinding") is { } binding)
        {
            if (!FormRefBindings.Contains(binding, StringComparer.Ordinal))
            {
                Error(element, $"camunda:formRefBinding '{binding}' is not one of latest, deployment or version");
            }
            else if (binding == "version" && string.IsNullOrWhiteSpace(CamundaAttr(element, "formRefVersion")))
            {
                Error(element, "camunda:formRefBinding=\"version\" needs camunda:formRefVersion");
            }
        }
    }

    private void ParseCalledElementBinding(XElement element, CallActivity call)
    {
        var binding = CamundaAttr(element, "calledElementBinding");
        switch (binding)
        {
            case null or "latest":
                call.Binding = CalledElementBinding.Latest;
                break;
            case "deployment":
                call.Binding = CalledElementBinding.Deployment;
                break;
            case "version":
                call.Binding = CalledElementBinding.Version;
                call.CalledVersion = RequiredBindingValue(element, "calledElementVersion", binding);
                break;
            case "versionTag":
                call.Binding = CalledElementBinding.VersionTag;
                call.CalledVersionTag = RequiredBindingValue(element, "calledElementVersionTag", binding);
                break;
            default:
                Error(element, $"camunda:calledElementBinding '{binding}' is not one of latest, deployment, version or versionTag");
                break;
        }
    }

    private Expression? RequiredBindingValue(XElement element, string attribute, string binding)
    {
        var value = CamundaAttr(element, attribute);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(element, $"camunda:calledElementBinding=\"{binding}\" needs camunda:{attribute}");
            return null;
        }

        return CompileExpression(element, value, $"camunda:{attribute}");
    }

    /// <summary><c>camunda:in</c>/<c>camunda:out</c>: a target that is present must name a variable, as Camunda requires.</summary>
    private void CheckMappingTarget(XElement element, XElement mapping)
    {
        if (Attr(mapping, "target") is { } target && string.IsNullOrWhiteSpace(target))
        {
            Error(element, $"camunda:{mapping.Name.LocalName} has an empty target; name the variable it writes");
        }
    }

    /// <summary>
    /// What is wrong with an attribute or extension element that was meant for Camunda 7 but is bound to another
    /// namespace (the <c>camunda</c> prefix bound to Activiti's URI, or a misspelt Camunda URI), or null: the engine
    /// would otherwise not read it and silently lose, say, the assignee.
    /// </summary>
    private static string? MisboundCamunda(XName name, XElement context, bool isElement = false)
    {
        var ns = name.NamespaceName;
        if (ns.Length == 0 || name.Namespace == Camunda)
        {
            return null;
        }

        var prefix = context.GetPrefixOfNamespace(name.Namespace) ?? "";
        if (prefix != "camunda" && !LooksLikeCamunda(ns))
        {
            return null;
        }

        var owner = ForeignEngines.TryGetValue(ns, out var engine) ? $"{engine}'s namespace {ns}" : $"the namespace '{ns}'";
        var qualified = prefix.Length > 0 ? $"{prefix}:{name.LocalName}" : name.LocalName;
        var written = isElement ? $"<{qualified}>" : qualified;
        return $"{written} is in {owner}, not in Camunda 7's {Camunda.NamespaceName}, so the engine would not read it; bind the {(prefix.Length > 0 ? $"prefix {prefix}" : "namespace")} to {Camunda.NamespaceName}";
    }

    private void CheckMisbound(XElement element)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (MisboundCamunda(attribute.Name, element) is { } misbound)
            {
                Error(element, misbound);
            }
        }
    }

    /// <summary>A URI that differs from Camunda 7's only in spelling (scheme, www, case, a trailing slash).</summary>
    private static bool LooksLikeCamunda(string ns)
    {
        var bare = ns.Trim().TrimEnd('/').ToLowerInvariant();
        foreach (var scheme in (string[])["https://", "http://"])
        {
            if (bare.StartsWith(scheme, StringComparison.Ordinal))
            {
                bare = bare[scheme.Length..];
            }
        }

        return (bare.StartsWith("www.", StringComparison.Ordinal) ? bare[4..] : bare) == "camunda.org/schema/1.0/bpmn";
    }
}
