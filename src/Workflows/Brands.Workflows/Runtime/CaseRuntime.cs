using System.Text.Json.Nodes;
using Brands.Workflows.Model;
using Brands.Workflows.Persistence;

namespace Brands.Workflows.Runtime;

/// <summary>A case loaded into a command: its row, its parsed process and its running state.</summary>
internal sealed class CaseRuntime
{
    public CaseRuntime(InstanceRecord record, ProcessModel process, bool isNew)
    {
        Record = record;
        Process = process;
        IsNew = isNew;
        State = isNew ? new InstanceState() : InstanceState.Deserialize(record.StateJson);
        Variables = JsonNode.Parse(record.VariablesJson) as JsonObject ?? [];
    }

    public InstanceRecord Record { get; }
    public ProcessModel Process { get; }
    public bool IsNew { get; }
    public InstanceState State { get; }
    /// <summary>The root scope's variables: the case variables.</summary>
    public JsonObject Variables { get; }
    public Guid Id => Record.Id;
    public bool IsEnded => Record.Status != InstanceStatus.Active;

    public FlowNode Node(string elementId) =>
        Process.AllNodes.TryGetValue(elementId, out var node) ? node
            : throw new InvalidOperationException($"Element '{elementId}' is not in process '{Process.Id}'.");

    public TokenState? FindToken(string id) => State.Tokens.Find(t => t.Id == id);

    public ScopeState? FindScope(string id) => State.Scopes.Find(s => s.Id == id);

    public IEnumerable<TokenState> TokensIn(string scopeId) => State.Tokens.Where(t => t.ScopeId == scopeId);

    public TokenState AddToken(string scopeId, string elementId, string state)
    {
        var token = new TokenState { Id = State.NewId("t"), ScopeId = scopeId, ElementId = elementId, State = state };
        State.Tokens.Add(token);
        return token;
    }

    /// <summary>The variables of a scope, the root included.</summary>
    public JsonObject VariablesOf(string scopeId) =>
        scopeId == ScopeKinds.Root ? Variables : FindScope(scopeId)?.Variables ?? throw new InvalidOperationException($"No scope {scopeId}.");

    public string ParentOf(string scopeId) => FindScope(scopeId)?.ParentId ?? ScopeKinds.Root;

    /// <summary>Scope ids from <paramref name="scopeId"/> out to the root, the root last.</summary>
    public IEnumerable<string> ScopeChain(string scopeId)
    {
        var current = scopeId;
        while (current != ScopeKinds.Root)
        {
            yield return current;
            current = ParentOf(current);
        }

        yield return ScopeKinds.Root;
    }

    /// <summary>Elements where the case waits or works, for the case view.</summary>
    public IReadOnlyList<string> ActiveElementIds() =>
        [.. State.Tokens.Select(t => t.ElementId).Distinct(StringComparer.Ordinal)];
}
