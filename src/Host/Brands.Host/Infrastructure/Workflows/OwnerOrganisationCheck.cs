using System.Xml;
using System.Xml.Linq;
using Brands.Host.Infrastructure.Auth;
using Brands.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Brands.Host.Infrastructure.Workflows;

/// <summary>
/// At deployment, the <c>camunda:property name="ownerOrganisation"</c> of each executable process must name an
/// organisation that exists (README, "Cases started by a message, signal or timer"): a misspelt code would otherwise
/// be noticed only when a trigger starts a case, which then falls to the national office. Read as
/// <see cref="TriggeredStartOwner"/> reads it: the process's first property of that name, trimmed; blank names none.
/// </summary>
internal static class OwnerOrganisationCheck
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>One problem per process whose owner is unknown, at the property's line; none when the XML is unreadable (the engine reports that).</summary>
    public static async Task<IReadOnlyList<ValidationError>> FindUnknownAsync(string xml, IQueryable<Organisation> organisations,
        CancellationToken cancellationToken)
    {
        var named = NamedOwners(xml);
        if (named.Count == 0)
        {
            return [];
        }

        var codes = named.Select(n => n.Code).Distinct().ToList();
        var known = await organisations.Where(o => codes.Contains(o.Code)).Select(o => o.Code).ToListAsync(cancellationToken);
        return [.. named.Where(n => !known.Contains(n.Code)).Select(n => new ValidationError(n.ProcessId, n.Line,
            $"the process property {TriggeredStartOwner.PropertyName} names '{n.Code}', which is no known organisation; "
            + "create the organisation first (POST /api/admin/organisations) or name the code of an existing one"))];
    }

    private static List<(string ProcessId, int Line, string Code)> NamedOwners(string xml)
    {
        XDocument document;
        try
        {
            // The same refusal of DTDs as the engine's parser, which reports a file that cannot be read.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            return [];
        }

        var owners = new List<(string, int, string)>();
        foreach (var process in document.Root?.Elements(Bpmn + "process") ?? [])
        {
            if (!string.Equals((string?)process.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var property = process.Element(Bpmn + "extensionElements")?.Elements(Camunda + "properties").Elements(Camunda + "property")
                .FirstOrDefault(p => (string?)p.Attribute("name") == TriggeredStartOwner.PropertyName && p.Attribute("value") is not null);
            if ((string?)property?.Attribute("value") is { } value && !string.IsNullOrWhiteSpace(value))
            {
                owners.Add(((string?)process.Attribute("id") ?? "", ((IXmlLineInfo)property).LineNumber, value.Trim()));
            }
        }

        return owners;
    }
}
