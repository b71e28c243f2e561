using Brands.Workflows.Expressions;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows.Runtime;

/// <summary>What every command needs, built once per engine.</summary>
internal sealed class EngineServices(
    IWorkflowStore store,
    DefinitionCache definitions,
    IReadOnlyDictionary<string, IServiceTaskHandler> handlers,
    IReadOnlyDictionary<string, IListenerHandler> listeners,
    ScriptEvaluator scripts,
    WorkflowEngineOptions options,
    TimeProvider time,
    ILogger logger)
{
    public IWorkflowStore Store { get; } = store;
    public DefinitionCache Definitions { get; } = definitions;
    public IReadOnlyDictionary<string, IServiceTaskHandler> Handlers { get; } = handlers;
    public IReadOnlyDictionary<string, IListenerHandler> Listeners { get; } = listeners;
    public ScriptEvaluator Scripts { get; } = scripts;
    public WorkflowEngineOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = logger;
}
