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

    /// <summary>Parses and checks the file. The document is returned even with errors, so later checks can add theirs.</summary>
    public static (BpmnDocument? Document, IReadOnlyList<ValidationError> Errors) Parse(string xml, int maxCharacters)
    {
        var parser = new BpmnParser();
        var xdoc = SafeXmlLoader.Load(xml, maxCharacters, parser._errors);
        if (xdoc?.Root is not { } root)
        {
            return (null, parser._errors);
        }

        var document = parser.ParseDefinitions(root);
        return (document, parser._errors);
    }

    private BpmnDocument ParseDefinitions(XElement root)
    {
        var document = new BpmnDocument();
        if (root.Name != Bpmn + "definitions")
        {
            Error(root, $"the root element is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}', not BPMN 2.0 <definitions> ({Bpmn.NamespaceName})");
            return document;
        }

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
            var process = new ProcessModel(Attr(element, "id") ?? "", Attr(element, "name"), Line(element), IsExecutable(element));
            RequireId(element);
            _timeZone = process.TimeZone = ReadTimeZone(element);
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

    private void Error(XElement element, string message) => Error(Attr(element, "id"), Line(element), message);

    private void Error(string? id, int line, string message)
    {
        if (_strict)
        {
            _errors.Add(new ValidationError(id, line, message));
        }
    }

    private void RequireId(XElement element)
    {
        var id = Attr(element, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            Error(element, $"<{element.Name.LocalName}> has no id");
        }
        else if (!_ids.Add(id))
        {
            Error(element, $"the id '{id}' is used more than once");
        }
    }

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
