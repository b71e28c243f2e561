using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using Brands.Workflows.Persistence;

namespace Brands.Host.Infrastructure.Cases;

/// <summary>
/// The <c>name</c> of every element of a deployed version that has one, by id, for the case view's "where it waits"
/// and timeline (the engine's history names elements by id only). Read once per version: versions never change.
/// </summary>
internal sealed class ProcessElementNames
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _names = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Of(DefinitionRecord definition) => _names.GetOrAdd(definition.Id, _ => Read(definition.Xml));

    internal static IReadOnlyDictionary<string, string> Read(string xml)
    {
        // The XML was accepted by the engine's parser at deployment; read it with the same refusal of DTDs.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in XDocument.Load(reader).Descendants())
        {
            if ((string?)element.Attribute("id") is { } id && (string?)element.Attribute("name") is { Length: > 0 } name
                && element.Name.NamespaceName != "http://www.omg.org/spec/BPMN/20100524/DI")
            {
                names.TryAdd(id, name);
            }
        }

        return names;
    }
}
