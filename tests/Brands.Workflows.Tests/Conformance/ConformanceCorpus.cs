using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Brands.Workflows.Tests.Support;
using Xunit;

namespace Brands.Workflows.Tests.Conformance;

/// <summary>
/// The conformance corpus in tests/conformance/ (OMG BPMN MIWG reference models, CC BY 3.0, and execution fixtures
/// from bpmn-elements and Camunda 7; see tests/conformance/README.md for credits), read from the repository.
/// </summary>
public static partial class ConformanceCorpus
{
    private const string BpmnUri = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Brands.Workflow.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "conformance");
            }
        }

        throw new InvalidOperationException($"Brands.Workflow.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The tests/conformance folder of this repository.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The text of a corpus file, by its path relative to tests/conformance (forward slashes).</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The *.bpmn files of a corpus folder, as paths relative to tests/conformance, in name order.</summary>
    public static IEnumerable<string> BpmnFiles(string folder) =>
        Directory.GetFiles(Path.Combine(Root, folder), "*.bpmn")
            .Select(path => $"{folder}/{Path.GetFileName(path)}")
            .Order(StringComparer.Ordinal);

    /// <summary>The ids of the processes marked isExecutable="true", in document order (namespaces by URI).</summary>
    public static IReadOnlyList<string> ExecutableProcessIds(string xml) =>
        [.. XDocument.Parse(xml).Root!.Elements(XName.Get("process", BpmnUri))
            .Where(p => string.Equals((string?)p.Attribute("isExecutable"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(p => (string)p.Attribute("id")!)];

    /// <summary>The line of the element whose id attribute is <paramref name="id"/>, or null when no element has it.</summary>
    public static int? LineOfId(string xml, string id)
    {
        var element = XDocument.Parse(xml, LoadOptions.SetLineInfo).Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == id);
        return element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
    }

    /// <summary>Texts that betray an unhandled exception turned into a message rather than a validation finding.</summary>
    private static readonly string[] CrashTexts =
    [
        "Object reference not set", "NullReference", "Sequence contains", "Index was outside", "Value cannot be null",
        "Exception", "An error occurred", "Unexpected error", "Specified argument", "Key not found", "given key",
    ];

    /// <summary>
    /// Deploys and asserts the engine's promise on any input: either the files are accepted, or a
    /// <see cref="BpmnValidationException"/> lists errors that each have a plain message, and each error that names an
    /// element has a line and an id that really occurs in one of the files. Returns the errors (empty when accepted).
    /// </summary>
    public static async Task<(DeploymentResult? Result, IReadOnlyList<ValidationError> Errors)> DeployCheckedAsync(
        WorkflowEngine engine, IReadOnlyList<BpmnSource> files)
    {
        try
        {
            return (await engine.DeployAsync(files), []);
        }
        catch (BpmnValidationException e)
        {
            Assert.NotEmpty(e.Errors);
            foreach (var error in e.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"an error without a message: {error}");
                Assert.DoesNotContain(CrashTexts, text => error.Message.Contains(text, StringComparison.OrdinalIgnoreCase));
                Assert.True(error.ElementId is not null || error.Line > 0, $"an error that says neither where nor what: {error}");
                if (error.ElementId is { } id)
                {
                    Assert.True(error.Line > 0, $"an error naming '{id}' has no line: {error}");
                    Assert.True(
                        files.Any(f => f.Xml.Contains($"id=\"{id}\"", StringComparison.Ordinal)),
                        $"an error names '{id}', which is no element id of the file: {error}");
                }
            }

            return (null, e.Errors);
        }
    }

    /// <summary>Registers a recording handler for every camunda:topic the files use, so topics never refuse a deploy.</summary>
    public static RecordingHandler[] HandlersForTopics(params string[] xmls) =>
        [.. xmls.SelectMany(x => TopicPattern().Matches(x).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal).Select(t => new RecordingHandler(t))];

    [GeneratedRegex("topic=\"([^\"]+)\"")]
    private static partial Regex TopicPattern();
}
