using System.Collections.Concurrent;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Brands.Host.Infrastructure.Background;

/// <summary>
/// A process's <c>camunda:historyTimeToLive</c> (whole days, <c>180</c> or <c>P180D</c>, as the deploy check
/// requires), read from the deployed XML. A deployed file never changes, so each process of each file (by the
/// file's SHA-256) is read once per node.
/// </summary>
internal static class HistoryTimeToLive
{
    private const string CamundaNamespace = "http://camunda.org/schema/1.0/bpmn";
    private const string BpmnNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly ConcurrentDictionary<(string ContentHash, string Key), TimeSpan?> s_known = new();

    /// <summary>The time to live of process <paramref name="key"/> in the file with <paramref name="contentHash"/>, when this node has read it.</summary>
    public static bool TryGetKnown(string contentHash, string key, out TimeSpan? timeToLive) =>
        s_known.TryGetValue((contentHash, key), out timeToLive);

    /// <summary>Reads the time to live of process <paramref name="key"/> from <paramref name="xml"/>; null when it sets none.</summary>
    public static TimeSpan? Read(string contentHash, string key, string xml) =>
        s_known.GetOrAdd((contentHash, key), _ => Read(key, xml));

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
