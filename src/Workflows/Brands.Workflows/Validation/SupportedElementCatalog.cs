using Brands.Workflows.Parsing;

namespace Brands.Workflows.Validation;

/// <summary>
/// Asks the validator itself what it accepts: each candidate kind of flow node is put into a small, otherwise valid
/// file, and the kind counts as supported when one of its variants passes the parser without a single error.
/// The designer's lint reads this list (README "The designer"), so the editor and the server cannot drift apart:
/// when the parser learns a new kind, the list and the lint follow with no edit here.
/// </summary>
public static class SupportedElementCatalog
{
    private static readonly Lazy<SupportedElementSet> Discovered = new(Discover);

    /// <summary>The supported and unsupported kinds, worked out once per process.</summary>
    public static SupportedElementSet Current => Discovered.Value;

    private static SupportedElementSet Discover()
    {
        var supported = new List<string>();
        var unsupported = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, variants) in SupportedElementProbes.All())
        {
            string? reason = null;
            var accepted = false;
            foreach (var xml in variants)
            {
                var (_, errors) = BpmnParser.Parse(xml, int.MaxValue);
                if (errors.Count == 0)
                {
                    accepted = true;
                    break;
                }

                reason ??= (errors.FirstOrDefault(e => e.ElementId == SupportedElementProbes.ProbeId) ?? errors[0]).Message;
            }

            if (accepted)
            {
                supported.Add(kind);
            }
            else
            {
                unsupported[kind] = reason ?? "not supported";
            }
        }

        return new SupportedElementSet(supported, unsupported);
    }
}
