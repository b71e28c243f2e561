using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Access;

/// <summary>
/// Who may start a process: <c>camunda:candidateStarterUsers</c> and <c>camunda:candidateStarterGroups</c> on its
/// <c>bpmn:process</c>, read here from the deployed XML (the engine's model does not carry them). A process with
/// neither may be started by any signed-in user. Read once per deployed version (versions never change).
/// </summary>
internal sealed class CandidateStarters
{
    private const string BpmnNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private const string CamundaNamespace = "http://camunda.org/schema/1.0/bpmn";

    private readonly ConcurrentDictionary<string, Rule?> _rules = new(StringComparer.Ordinal);

    /// <summary>Null when the process names no candidate starters.</summary>
    internal sealed record Rule(IReadOnlyList<string> Users, IReadOnlyList<string> Groups);

    public Rule? Of(DefinitionRecord definition) => _rules.GetOrAdd(definition.Id, _ => Read(definition.Xml, definition.Key));

    public static bool MayStart(Rule? rule, UserAccess user) =>
        rule is null
        || user.IsNationalAdmin
        || rule.Users.Contains(user.UserName, StringComparer.Ordinal)
        || rule.Groups.Intersect(user.Groups, StringComparer.Ordinal).Any();

    internal static Rule? Read(string xml, string processKey)
    {
        // The XML was accepted by the engine's parser at deployment; read it with the same refusal of DTDs.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var process = XDocument.Load(reader).Root?
            .Elements(XName.Get("process", BpmnNamespace))
            .FirstOrDefault(p => (string?)p.Attribute("id") == processKey);
        var users = (string?)process?.Attribute(XName.Get("candidateStarterUsers", CamundaNamespace));
        var groups = (string?)process?.Attribute(XName.Get("candidateStarterGroups", CamundaNamespace));
        return users is null && groups is null
            ? null
            : new Rule([.. TaskFilter.SplitList(users)], [.. TaskFilter.SplitList(groups)]);
    }
}
