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
        (new("^(start|end|boundary|intermediate throw) events with an? (\\w+) event definition are not supported yet"), "$2 $1 event"),
        (new("^intermediate catch events \\(timer, message, signal\\) are not supported yet"), "intermediate catch event"),
        (new("^event sub-processes are not supported yet"), "event sub-process"),
        (new("^event-based gateways are not supported yet"), "event-based gateway"),
        (new("^receive tasks waiting for message"), "message receive task"),
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
