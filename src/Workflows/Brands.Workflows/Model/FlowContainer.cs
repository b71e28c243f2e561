namespace Brands.Workflows.Model;

/// <summary>The nodes and flows directly inside a process or an embedded sub-process.</summary>
public sealed class FlowContainer(string id)
{
    public string Id { get; } = id;
    public Dictionary<string, FlowNode> Nodes { get; } = new(StringComparer.Ordinal);
    public List<SequenceFlow> Flows { get; } = [];

    /// <summary>Where a token starts when the container is entered.</summary>
    public IEnumerable<StartEvent> StartEvents => Nodes.Values.OfType<StartEvent>();

    /// <summary>The event sub-processes directly inside: armed while the container's scope runs.</summary>
    public IEnumerable<SubProcess> EventSubProcesses => Nodes.Values.OfType<SubProcess>().Where(s => s.TriggeredByEvent);

    /// <summary>Every node a token at <paramref name="node"/> could still reach, through boundary events too.</summary>
    internal HashSet<FlowNode> ReachableFrom(FlowNode node) => _reachability.GetOrAdd(node, Walk);

    private static HashSet<FlowNode> Walk(FlowNode node)
    {
        var seen = new HashSet<FlowNode>();
        var stack = new Stack<FlowNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            IEnumerable<SequenceFlow> next = current.Outgoing;
            if (current is Activity activity)
            {
                next = next.Concat(activity.BoundaryEvents.SelectMany(b => b.Outgoing));
            }

            foreach (var flow in next)
            {
                if (seen.Add(flow.Target))
                {
                    stack.Push(flow.Target);
                }
            }
        }

        return seen;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<FlowNode, HashSet<FlowNode>> _reachability = new();
}
