using System.Collections.Concurrent;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// A process's <c>camunda:historyTimeToLive</c> (whole days, <c>180</c> or <c>P180D</c>, as the deploy check
/// requires), read from the deployed XML. A definition version never changes, so each is read once per node.
/// </summary>
internal static class HistoryTimeToLive
{
    private const string CamundaNamespace = "http://camunda.org/schema/1.0/bpmn";
    private const string BpmnNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly ConcurrentDictionary<string, TimeSpan?> s_byDefinition = new(StringComparer.Ordinal);

    /// <summary>The time to live of process <paramref name="key"/> in definition <paramref name="definitionId"/>; null when it sets none.</summary>
    public static TimeSpan? Of(string definitionId, string key, Func<string> readXml) =>
        s_byDefinition.GetOrAdd(definitionId, _ => Read(key, readXml()));

    /// <summary>Whether this node has read <paramref name="definitionId"/> already.</summary>
    public static bool IsKnown(string definitionId) => s_byDefinition.ContainsKey(definitionId);

    private static TimeSpan? Read(string key, string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var process = XDocument.Load(reader).Descendants(XName.Get("process", BpmnNamespace))
            .FirstOrDefault(p => (string?)p.Attribute("id") == key);
        var text = process?.Attribute(XName.Get("historyTimeToLive", CamundaNamespace))?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var days = text.StartsWith('P') && text.EndsWith('D') ? text[1..^1] : text;
        return int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? TimeSpan.FromDays(value) : null;
    }
}
