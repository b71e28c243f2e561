using System.Xml;
using System.Xml.Linq;

namespace Brands.Workflows.Parsing;

/// <summary>
/// Reads BPMN XML without DTDs, external entities or unbounded input: a hostile file is refused with a message,
/// never expanded.
/// </summary>
internal static class SafeXmlLoader
{
    public static XDocument? Load(string xml, int maxCharacters, List<ValidationError> errors)
    {
        if (xml.Length > maxCharacters)
        {
            errors.Add(new ValidationError(null, null, $"the file is larger than the limit of {maxCharacters:N0} characters"));
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            errors.Add(new ValidationError(null, LineOf(xml, "<!DOCTYPE") ?? e.LineNumber, "DTDs (<!DOCTYPE …>) are not allowed in BPMN files"));
        }
        catch (XmlException e)
        {
            errors.Add(new ValidationError(null, e.LineNumber, $"the file is not well-formed XML: {StripPosition(e.Message)}"));
        }

        return null;
    }

    private static int? LineOf(string xml, string text)
    {
        var at = xml.IndexOf(text, StringComparison.Ordinal);
        return at < 0 ? null : xml.AsSpan(0, at).Count('\n') + 1;
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
