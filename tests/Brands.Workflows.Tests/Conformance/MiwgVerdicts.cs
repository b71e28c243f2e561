using System.Text.RegularExpressions;

namespace Brands.Workflows.Tests.Conformance;

/// <summary>
/// Reduces the engine's findings on a file to a verdict line: <c>accepted: keys</c>, or <c>refused:</c> and what is
/// refused, each finding by a short name of its kind (a message no kind matches stands as written), with ×n when n
/// elements are refused for it. <see cref="MiwgConformanceTests"/> pins one such line per reference model.
/// </summary>
public static partial class MiwgVerdicts
{
    private static readonly (Regex Pattern, string Kind)[] Kinds =
    [
        (new("^no process is marked isExecutable"), "no executable process"),
        (new("^the (sub-process|process) has no none start event"), "$1 without none start"),
        (new("^(start|end|boundary|intermediate throw|intermediate catch) events with an? (\\w+) event definition are not supported"), "$2 $1 event"),
        (new("^a timer needs exactly one of timeDate"), "timer without a value"),
        (new("^the error end event names no error"), "error end without error"),
        (new("^the escalation event names no escalation"), "escalation throw without escalation"),
        (new("^the message '[^']*' has no name"), "message without name"),
        (new("^the \\w+ names no message"), "message event without message"),
        (new("^the signal event names no signal"), "signal event without signal"),
        (new("^the process has no start event"), "process without start event"),
        (new("^an event sub-process needs exactly one start event"), "event sub-process without triggered start"),
        (new("^the error '[^']*' thrown here has no errorCode"), "error without code"),
        (new("^<(\\w+)> needs camunda:type=\"external\" and a camunda:topic"), "$1 without topic"),
        (new("^(camunda:\\w+) is in (\\w+)'s namespace"), "$1 bound to $2"),
        (new("^(\\S+) is in the namespace '([^']*)'"), "$1 bound to $2"),
        (new("^<(\\w+)> is an extension of ([^(]+?) \\("), "$2 <$1>"),
        (new("^the condition language '([^']*)' is not supported"), "condition in $1"),
        (new("^the condition '.*' is not an expression"), "condition not an expression"),
        (new("^the sequence flow connects .* is not a flow node in the same process"), "flow from a refused or missing node"),
        (new("^the called process '([^']*)' is not deployed"), "call of undeployed $1"),
        (new("^standard loops are not supported"), "standard loop"),
        (new("^multi-instance needs loopCardinality"), "multi-instance without collection"),
        (new("^startQuantity and completionQuantity"), "start or completion quantity"),
    ];

    /// <summary>The verdict line of one deployment attempt.</summary>
    public static string Of(DeploymentResult? result, IReadOnlyList<ValidationError> errors)
    {
        if (result is not null)
        {
            return "accepted: " + string.Join(", ", result.Definitions.Select(d => d.Key));
        }

        var kinds = errors.Select(e => KindOf(e.Message)).GroupBy(k => k, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}");
        return "refused: " + string.Join(", ", kinds);
    }

    private static string KindOf(string message)
    {
        foreach (var (pattern, kind) in Kinds)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return match.Result(kind);
            }
        }

        return message;
    }
}
