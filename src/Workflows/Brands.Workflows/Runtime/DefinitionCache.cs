using System.Collections.Concurrent;
using Brands.Workflows.Model;
using Brands.Workflows.Parsing;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>
/// Parsed processes by definition id (a definition version never changes, so these never go stale), and the latest
/// version of each process key (which can: another node may deploy; see <see cref="GetLatestAsync"/>).
/// </summary>
internal sealed class DefinitionCache(IWorkflowStore store)
{
    private readonly ConcurrentDictionary<string, ProcessModel> _processes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DefinitionRecord> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DefinitionRecord> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, int Version), DefinitionRecord> _versions = new();

    /// <summary>A definition version by id; versions never change, so it is read from the store once.</summary>
    public async Task<DefinitionRecord?> GetRecordAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (_records.TryGetValue(definitionId, out var cached))
        {
            return cached;
        }

        var definition = await store.GetDefinitionAsync(definitionId, cancellationToken);
        return definition is null ? null : _records.GetOrAdd(definitionId, definition);
    }

    /// <summary>Version <paramref name="version"/> of <paramref name="key"/>, read from the store once.</summary>
    public async Task<DefinitionRecord?> FindVersionAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((key, version), out var cached))
        {
            return cached;
        }

        var definition = await store.FindDefinitionAsync(key, version, cancellationToken);
        return definition is null ? null : _versions.GetOrAdd((key, version), definition);
    }

    /// <summary>
    /// The latest version of <paramref name="key"/> as this engine last saw it, or from the store. It may be stale;
    /// a command that starts a case on it states the version in <see cref="ChangeSet.LatestDefinitionVersions"/>, so
    /// the store refuses the commit if a later version exists, and the engine then calls <see cref="ForgetLatest"/>
    /// and runs the command again.
    /// </summary>
    public async Task<DefinitionRecord?> GetLatestAsync(string key, CancellationToken cancellationToken)
    {
        if (_latest.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var definition = await store.FindLatestDefinitionAsync(key, cancellationToken);
        if (definition is not null)
        {
            NoteLatest(definition);
        }

        return definition;
    }

    /// <summary>Remembers <paramref name="definition"/> as its key's latest version unless a later one is known.</summary>
    public void NoteLatest(DefinitionRecord definition) =>
        _latest.AddOrUpdate(definition.Key, definition, (_, known) => known.Version >= definition.Version ? known : definition);

    public void ForgetLatest(string key) => _latest.TryRemove(key, out _);

    public async Task<ProcessModel> GetProcessAsync(string definitionId, CancellationToken cancellationToken)
    {
        if (_processes.TryGetValue(definitionId, out var cached))
        {
            return cached;
        }

        var definition = await store.GetDefinitionAsync(definitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Definition {definitionId} does not exist.");
        return Add(definition);
    }

    /// <summary>
    /// Reads a stored definition. It is re-read, never re-judged: it was accepted when it was deployed, and rules
    /// added since (a stricter release, <see cref="WorkflowEngineOptions.DisallowedElements"/>) must not stop the
    /// cases running on it (README "Definitions and versions").
    /// </summary>
    public ProcessModel Add(DefinitionRecord definition)
    {
        var process = BpmnParser.Reread(definition.Xml)?.Processes.FirstOrDefault(p => p.Id == definition.Key)
            ?? throw new InvalidOperationException($"Stored definition {definition.Id} is not readable XML or has no process '{definition.Key}'");
        _processes[definition.Id] = process;
        return process;
    }

    public void Add(string definitionId, ProcessModel process) => _processes[definitionId] = process;
}
