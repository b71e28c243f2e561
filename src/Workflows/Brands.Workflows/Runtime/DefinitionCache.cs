using System.Collections.Concurrent;
using Brands.Workflows.Model;
using Brands.Workflows.Parsing;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>Parsed processes by definition id; a definition version never changes, so entries never go stale.</summary>
internal sealed class DefinitionCache(IWorkflowStore store)
{
    private readonly ConcurrentDictionary<string, ProcessModel> _processes = new(StringComparer.Ordinal);

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

    public ProcessModel Add(DefinitionRecord definition)
    {
        var (document, errors) = BpmnParser.Parse(definition.Xml, int.MaxValue);
        var process = (errors.Count == 0 ? document : null)?.Processes.FirstOrDefault(p => p.Id == definition.Key)
            ?? throw new InvalidOperationException($"Stored definition {definition.Id} no longer parses: {string.Join("; ", errors)}");
        _processes[definition.Id] = process;
        return process;
    }

    public void Add(string definitionId, ProcessModel process) => _processes[definitionId] = process;
}
