using System.Text.RegularExpressions;
using System.Xml.Linq;
using Brands.Workflows.Model;
using static Brands.Workflows.Parsing.BpmnNamespaces;

namespace Brands.Workflows.Parsing;

/// <summary>Execution and task listeners: JavaScript or a registered handler; Java classes and other languages are refused.</summary>
internal sealed partial class BpmnParser
{
    private static readonly string[] ExecutionEvents = [ListenerEvents.Start, ListenerEvents.End];

    private static readonly string[] TaskEvents = [ListenerEvents.Create, ListenerEvents.Assignment, ListenerEvents.Complete, ListenerEvents.Timeout];

    /// <summary>Reads one listener of <paramref name="owner"/>; null (reported) when it cannot run here.</summary>
    private Listener? ParseListener(XElement owner, XElement listener, bool isTaskListener)
    {
        var what = isTaskListener ? "camunda:taskListener" : "camunda:executionListener";
        var @event = Attr(listener, "event") ?? (isTaskListener ? "" : ListenerEvents.Start);
        var events = isTaskListener ? TaskEvents : ExecutionEvents;
        if (!events.Contains(@event))
        {
            Error(owner, $"{what} event=\"{@event}\" is not supported; use {string.Join(", ", events)}");
            return null;
        }

        if (Attr(listener, "class") is { } className)
        {
            Error(owner, $"{what} camunda:class=\"{className}\" names Java code, which this engine cannot run; register a listener handler and write camunda:delegateExpression=\"${{name}}\", or a JavaScript camunda:script");
            return null;
        }

        if (listener.Elements(Camunda + "field").Any())
        {
            Error(owner, $"{what} with camunda:field injection is not supported; read variables in the handler or script");
            return null;
        }

        var script = listener.Element(Camunda + "script");
        var expression = Attr(listener, "expression");
        var delegateExpression = Attr(listener, "delegateExpression");
        var sources = (script is null ? 0 : 1) + (expression is null ? 0 : 1) + (delegateExpression is null ? 0 : 1);
        if (sources != 1)
        {
            Error(owner, $"{what} needs exactly one of camunda:script, camunda:expression or camunda:delegateExpression");
            return null;
        }

        TimerTrigger? timeout = null;
        if (@event == ListenerEvents.Timeout)
        {
            timeout = listener.Element(Bpmn + "timerEventDefinition") is { } timer ? ParseTimer(owner, timer) : null;
            if (timeout is null)
            {
                Error(owner, $"{what} event=\"timeout\" needs a timerEventDefinition");
                return null;
            }
        }

        if (delegateExpression is not null)
        {
            var name = HandlerReference().Match(delegateExpression);
            if (!name.Success)
            {
                Error(owner, $"{what} camunda:delegateExpression=\"{delegateExpression}\" must name a registered listener handler as ${{name}}");
                return null;
            }

            return new Listener(@event, null, name.Groups[1].Value, timeout);
        }

        var compiled = script is not null ? ParseListenerScript(owner, what, script) : CompileExpression(owner, expression, $"{what} camunda:expression");
        return compiled is null ? null : new Listener(@event, compiled, null, timeout);
    }

    private Expression? ParseListenerScript(XElement owner, string what, XElement script)
    {
        var format = Attr(script, "scriptFormat")?.ToLowerInvariant();
        if (format is not ("javascript" or "js" or "ecmascript" or "text/javascript"))
        {
            Error(owner, $"{what}: script format '{Attr(script, "scriptFormat")}' is not supported; use JavaScript");
            return null;
        }

        if (Attr(script, "resource") is { } resource)
        {
            Error(owner, $"{what}: a script from resource '{resource}' is not supported; write the script in the file");
            return null;
        }

        var compiled = Expressions.ExpressionCompiler.CompileProgram(script.Value, out var error);
        if (compiled is null)
        {
            Error(owner, $"{what}: the script: {error}");
        }

        return compiled;
    }

    /// <summary>The process's own extension elements: its execution listeners run; anything else is named, never ignored.</summary>
    private void ParseProcessExtensions(XElement element, ProcessModel process)
    {
        foreach (var extension in Extensions(element))
        {
            if (extension.Name.Namespace != Camunda)
            {
                CheckForeign(extension, element);
            }
            else if (extension.Name.LocalName == "executionListener")
            {
                if (ParseListener(element, extension, isTaskListener: false) is { } listener)
                {
                    process.ExecutionListeners.Add(listener);
                }
            }
            else if (extension.Name.LocalName != "properties")
            {
                Error(element, $"camunda:{extension.Name.LocalName} is not supported on a process");
            }
        }
    }

    /// <summary>Listeners on a sequence flow (event "take") are refused: put them on the element the flow leads to.</summary>
    private void CheckFlowExtensions(XElement flow)
    {
        foreach (var extension in Extensions(flow))
        {
            if (extension.Name.Namespace != Camunda)
            {
                CheckForeign(extension, flow);
            }
            else if (extension.Name.LocalName != "properties")
            {
                Error(flow, $"camunda:{extension.Name.LocalName} on a sequence flow is not supported; put a start listener on the element it leads to");
            }
        }
    }

    [GeneratedRegex(@"^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$")]
    private static partial Regex HandlerReference();
}
