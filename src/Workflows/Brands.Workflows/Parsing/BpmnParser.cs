using System.Xml;
using System.Xml.Linq;
using Brands.Workflows.Expressions;
using Brands.Workflows.Model;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

/// <summary>
/// Turns BPMN 2.0 XML into a <see cref="BpmnDocument"/>, collecting every problem (element id, line, message)
/// rather than stopping at the first.
/// </summary>
internal sealed partial class BpmnParser
{
    private readonly List<ValidationError> _errors = [];
    private readonly Dictionary<string, string?> _errorCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _escalationCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    /// <summary>False while reading a non-executable process next to executable ones: Camunda skips those.</summary>
    private bool _strict = true;

    /// <summary>
    /// True when re-reading a definition that was accepted at deploy: no rule may refuse it now (README "Definitions
    /// and versions"). Every rule refuses through <see cref="Error(string?, int, string)"/>, and no rule changes what
    /// is built, so a re-read builds what the deploy built.
    /// </summary>
    private bool _rereading;

    /// <summary>Element kinds (local names) refused at deploy on top of the engine's own rules.</summary>
    private IReadOnlySet<string> _disallowed = new HashSet<string>();

    /// <summary>Parses and checks the file. The document is returned even with errors, so later checks can add theirs.</summary>
    public static (BpmnDocument? Document, IReadOnlyList<ValidationError> Errors) Parse(string xml, int maxCharacters, IReadOnlySet<string>? disallowedElements = null)
    {
        var parser = new BpmnParser { _disallowed = disallowedElements ?? new HashSet<string>() };
        var xdoc = SafeXmlLoader.Load(xml, maxCharacters, parser._errors);
        if (xdoc?.Root is not { } root)
        {
            return (null, parser._errors);
        }

        var document = parser.ParseDefinitions(root);
        return (document, parser._errors);
    }

    /// <summary>
    /// Reads a stored definition that was accepted when it was deployed, without judging it again: today's rules may
    /// be stricter than those it passed, and cases running on it must carry on. Null when the XML cannot be read at all.
    /// </summary>
    public static BpmnDocument? Reread(string xml)
    {
        var parser = new BpmnParser { _rereading = true };
        var xdoc = SafeXmlLoader.Load(xml, int.MaxValue, parser._errors);
        return xdoc?.Root is { } root && parser._errors.Count == 0 ? parser.ParseDefinitions(root) : null;
    }

    private BpmnDocument ParseDefinitions(XElement root)
    {
        var document = new BpmnDocument();
        if (root.Name != Bpmn + "definitions")
        {
            Error(root, $"the root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', not BPMN 2.0 <definitions> ({Bpmn.NamespaceName})");
            return document;
        }

        _declaredIds.UnionWith(root.Descendants().Select(e => Attr(e, "id")).OfType<string>());
        foreach (var error in root.Elements(Bpmn + "error"))
        {
            if (Attr(error, "id") is { } id)
            {
                _errorCodes[id] = Attr(error, "errorCode");
            }
        }

        ReadMessagesAndSignals(root);
        foreach (var escalation in root.Elements(Bpmn + "escalation"))
        {
            if (Attr(escalation, "id") is { } id)
            {
                _escalationCodes[id] = Attr(escalation, "escalationCode");
            }
        }

        var processes = root.Elements(Bpmn + "process").ToList();
        var anyExecutable = processes.Any(IsExecutable);
        if (processes.Count == 0)
        {
            Error(root, "the file contains no <process>");
        }
        else if (!anyExecutable)
        {
            Error(processes[0], "no process is marked isExecutable=\"true\"; only executable processes can be deployed");
        }

        foreach (var element in processes)
        {
            // A file without executable processes is checked whole, so its author learns everything at once.
            _strict = IsExecutable(element) || !anyExecutable;
            var process = new ProcessModel(Attr(element, "id") ?? "", Attr(element, "name"), Line(element), IsExecutable(element))
            {
                VersionTag = CamundaAttr(element, "versionTag"),
            };
            RequireId(element, generate: false);
            CheckProcessAttributes(element);
            _timeZone = process.TimeZone = ReadTimeZone(element);
            process.PropertyLines = ReadProperties(element);
            process.Properties = process.PropertyLines.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
            ParseProcessExtensions(element, process);
            ParseContainer(element, process.Body, process);
            if (_strict)
            {
                CheckStartEvents(element, process.Body, ContainerKind.Process);
            }

            document.Processes.Add(process);
        }

        _strict = true;
        return document;
    }

    private static bool IsExecutable(XElement process) =>
        string.Equals(Attr(process, "isExecutable"), "true", StringComparison.OrdinalIgnoreCase);

    private enum ContainerKind { Process, SubProcess, EventSubProcess }

    /// <summary>
    /// A sub-process starts at exactly one none start event; an event sub-process at exactly one triggered start event
    /// (timer, message, signal, error or escalation). A process has at most one none start event (where a start command
    /// begins) and any number of timer, message and signal start events, no two waiting for the same message.
    /// </summary>
    private void CheckStartEvents(XElement element, FlowContainer container, ContainerKind kind)
    {
        var none = container.StartEvents.Count(s => s.Trigger is null);
        var triggered = container.StartEvents.Where(s => s.Trigger is not null).ToList();
        switch (kind)
        {
            case ContainerKind.SubProcess:
                foreach (var start in triggered)
                {
                    Error(start.Id, start.Line, "a sub-process starts when it is reached, at a none start event; a triggered start event belongs to a process or an event sub-process");
                }

                if (none != 1)
                {
                    Error(element, none == 0 ? "the sub-process has no none start event" : $"the sub-process has {none} none start events; exactly one is allowed");
                }

                return;
            case ContainerKind.EventSubProcess:
                if (none + triggered.Count != 1 || none == 1)
                {
                    Error(element, "an event sub-process needs exactly one start event, with a timer, message, signal, error or escalation");
                }

                return;
        }

        foreach (var start in triggered.Where(s => s.Trigger is ErrorTrigger or EscalationTrigger))
        {
            Error(start.Id, start.Line, "error and escalation start events belong to event sub-processes");
        }

        if (none + triggered.Count == 0)
        {
            Error(element, "the process has no start event (none, timer, message or signal)");
        }
        else if (none > 1)
        {
            Error(element, $"the process has {none} none start events; at most one is allowed");
        }

        foreach (var duplicate in triggered.Where(s => s.Trigger is MessageTrigger).GroupBy(s => ((MessageTrigger)s.Trigger!).Name.Source).Where(g => g.Count() > 1))
        {
            var second = duplicate.ElementAt(1);
            Error(second.Id, second.Line, $"the process already has a start event for message '{duplicate.Key}' ('{duplicate.First().Id}'); a message must start one path only");
        }
    }

    // An element whose id was generated is named by its line alone: the generated id is in no file.
    private void Error(XElement element, string message) =>
        Error(element.Annotation<GeneratedId>() is null ? Attr(element, "id") : null, Line(element), message);

    private void Error(string? id, int line, string message)
    {
        if (_strict && !_rereading)
        {
            _errors.Add(new ValidationError(id, line, message));
        }
    }

    /// <summary>
    /// Checks the element's id is unique. An id is optional in BPMN 2.0 (Camunda accepts a sequence flow without
    /// one): a missing id is generated from the element's kind and position, so re-reading the same XML gives the
    /// same id, and written onto the in-memory element, so every later step reads it like a written one.
    /// </summary>
    private void RequireId(XElement element, bool generate = true)
    {
        var id = Attr(element, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            if (!generate)
            {
                Error(element, $"<{element.Name.LocalName}> has no id");
                return;
            }

            id = GenerateId(element);
            element.SetAttributeValue("id", id);
            element.AddAnnotation(new GeneratedId());
        }

        if (!_ids.Add(id))
        {
            Error(element, $"the id '{id}' is used more than once");
        }
    }

    private string GenerateId(XElement element)
    {
        var position = element is IXmlLineInfo { } info && info.HasLineInfo()
            ? $"{info.LineNumber}_{info.LinePosition}"
            : element.ElementsBeforeSelf().Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = $"{element.Name.LocalName}_{position}";
        for (var n = 2; _declaredIds.Contains(id) || _ids.Contains(id); n++)
        {
            id = $"{element.Name.LocalName}_{position}_{n}";
        }

        return id;
    }

    /// <summary>Marks an element whose id the parser generated.</summary>
    private sealed class GeneratedId;

    private readonly HashSet<string> _declaredIds = new(StringComparer.Ordinal);

    internal static string? Attr(XElement element, string name) => element.Attribute(name)?.Value;

    internal static string? CamundaAttr(XElement element, string name) => element.Attribute(Camunda + name)?.Value;

    internal static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private Expression? CompileExpression(XElement owner, string? text, string what)
    {
        if (text is null)
        {
            return null;
        }

        var expression = ExpressionCompiler.Compile(text, out var error);
        if (expression is null)
        {
            Error(owner, $"{what}: {error}");
        }

        return expression;
    }
}
