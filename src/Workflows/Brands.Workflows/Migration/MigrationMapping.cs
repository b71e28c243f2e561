using Brands.Workflows.Model;
using Brands.Workflows.Persistence;
using Brands.Workflows.Runtime;

namespace Brands.Workflows.Migration;

/// <summary>
/// Which element of the target version each element of the source version becomes: every element whose id the
/// target has with the same kind, automatically, then what the administrator confirmed (README "Migrating running cases").
/// </summary>
internal sealed class MigrationMapping
{
    private readonly Dictionary<string, string> _map;

    private MigrationMapping(DefinitionRecord source, ProcessModel sourceProcess, DefinitionRecord target, ProcessModel targetProcess, Dictionary<string, string> map)
    {
        Source = source;
        SourceProcess = sourceProcess;
        Target = target;
        TargetProcess = targetProcess;
        _map = map;
    }

    public DefinitionRecord Source { get; }
    public ProcessModel SourceProcess { get; }
    public DefinitionRecord Target { get; }
    public ProcessModel TargetProcess { get; }

    /// <summary>The element pairs matched by id and kind.</summary>
    public static IReadOnlyList<ElementMapping> Automatic(ProcessModel source, ProcessModel target) =>
        [.. source.AllNodes.Values
            .Where(s => target.AllNodes.TryGetValue(s.Id, out var t) && ElementKinds.Of(s) == ElementKinds.Of(t))
            .Select(s => new ElementMapping(s.Id, s.Id, ElementKinds.Of(s)))];

    /// <summary>
    /// The automatic mapping with <paramref name="confirmed"/> laid over it. Throws <see cref="WorkflowInputException"/>
    /// naming every confirmed pair whose elements do not exist or differ in kind.
    /// </summary>
    public static MigrationMapping Create(DefinitionRecord source, ProcessModel sourceProcess, DefinitionRecord target, ProcessModel targetProcess,
        IReadOnlyDictionary<string, string>? confirmed)
    {
        var map = Automatic(sourceProcess, targetProcess).ToDictionary(m => m.SourceElementId, m => m.TargetElementId, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (from, to) in confirmed ?? new Dictionary<string, string>())
        {
            if (!sourceProcess.AllNodes.TryGetValue(from, out var s))
            {
                problems.Add($"Element '{from}' does not exist in version {source.Version} of '{source.Key}'.");
            }
            else if (to is null || !targetProcess.AllNodes.TryGetValue(to, out var t))
            {
                problems.Add($"Element '{to}' (the target for '{from}') does not exist in version {target.Version} of '{target.Key}'.");
            }
            else if (ElementKinds.Of(s) != ElementKinds.Of(t))
            {
                problems.Add($"'{from}' ({ElementKinds.Of(s)}) cannot become '{to}' ({ElementKinds.Of(t)}): a case waiting there must wait in an element of the same kind.");
            }
            else
            {
                map[from] = to;
            }
        }

        return problems.Count > 0
            ? throw new WorkflowInputException(string.Join(" ", problems))
            : new MigrationMapping(source, sourceProcess, target, targetProcess, map);
    }

    public string? Map(string sourceElementId) => _map.GetValueOrDefault(sourceElementId);

    /// <summary>The mapped pairs among <paramref name="elementIds"/>, for the history.</summary>
    public IEnumerable<KeyValuePair<string, string>> For(IEnumerable<string> elementIds) =>
        elementIds.Where(_map.ContainsKey).Select(id => new KeyValuePair<string, string>(id, _map[id]));

    /// <summary>
    /// The elements a case waits in, works in or holds timers and subscriptions for, as its state records them, and
    /// the sub-processes that enclose them (their mapping decides where the target element must lie).
    /// </summary>
    public static IReadOnlyList<string> ActiveElements(InstanceState state, ProcessModel process)
    {
        IEnumerable<IWaitHolder> holders = [.. state.Tokens, .. state.Scopes, .. state.Root is { } root ? [root] : Array.Empty<IWaitHolder>()];
        var direct = state.Tokens.Select(t => t.ElementId)
            .Concat(state.Scopes.Select(s => s.ElementId))
            .Concat(holders.SelectMany(h => h.Waits ?? []).Select(w => w.ElementId));
        var elements = new List<string>();
        foreach (var id in direct)
        {
            for (var current = id; current != process.Id && !elements.Contains(current);
                current = process.AllNodes.TryGetValue(current, out var node) ? node.Container.Id : process.Id)
            {
                elements.Add(current);
            }
        }

        return elements;
    }

    /// <summary>Why a case in <paramref name="state"/> cannot move: each element it waits in must map to one of the same kind, in the mapped scope.</summary>
    public IReadOnlyList<MigrationProblem> Check(InstanceState state)
    {
        var problems = new List<MigrationProblem>();
        foreach (var id in ActiveElements(state, SourceProcess))
        {
            if (!SourceProcess.AllNodes.TryGetValue(id, out var s))
            {
                problems.Add(new(id, $"The case waits at '{id}', which is not an element of version {Source.Version}."));
                continue;
            }

            if (Map(id) is not { } mapped || !TargetProcess.AllNodes.TryGetValue(mapped, out var t))
            {
                problems.Add(new(id, $"The case waits at '{id}' ({ElementKinds.Of(s)}), which is mapped to no element of version {Target.Version}."));
                continue;
            }

            var expectedContainer = s.Container.Id == SourceProcess.Id ? TargetProcess.Id : Map(s.Container.Id);
            if (t.Container.Id != expectedContainer)
            {
                problems.Add(new(id, $"'{id}' lies in '{s.Container.Id}', which becomes '{expectedContainer ?? "nothing"}', but '{mapped}' lies in '{t.Container.Id}' in version {Target.Version}."));
            }

            // An activity that maps nowhere is reported as such; its boundary events need no second word.
            if (s is BoundaryEvent sb && t is BoundaryEvent tb && Map(sb.AttachedTo.Id) is { } attached && attached != tb.AttachedTo.Id)
            {
                problems.Add(new(id, $"Boundary event '{id}' is attached to '{sb.AttachedTo.Id}', but '{mapped}' is attached to '{tb.AttachedTo.Id}', which '{sb.AttachedTo.Id}' does not become."));
            }
        }

        foreach (var token in state.Tokens.Where(t => t.State == TokenStates.Joining && t.ArrivedVia is not null))
        {
            if (Map(token.ElementId) is { } gateway && TargetProcess.AllNodes.TryGetValue(gateway, out var t) && !t.Incoming.Exists(f => f.Id == token.ArrivedVia))
            {
                problems.Add(new(token.ElementId, $"A token waits at join '{token.ElementId}' having arrived by '{token.ArrivedVia}', which is no incoming flow of '{gateway}' in version {Target.Version}."));
            }
        }

        return problems;
    }
}
