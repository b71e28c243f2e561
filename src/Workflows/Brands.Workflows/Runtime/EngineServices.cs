using Brands.Workflows.Expressions;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Brands.Workflows.Timers;
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
    ILogger logger,
    IBusinessCalendar? calendar,
    IReadOnlyList<ICommitObserver> observers,
    ITriggeredStartAttributes? triggeredStartAttributes = null)
{
    /// <summary>Whom a case started by a message, signal or timer belongs to; null: nobody.</summary>
    public ITriggeredStartAttributes? TriggeredStartAttributes { get; } = triggeredStartAttributes;

    /// <summary>Called before each commit (docs/engine.md, "Outbox").</summary>
    public IReadOnlyList<ICommitObserver> Observers { get; } = observers;

    public IWorkflowStore Store { get; } = store;
    public DefinitionCache Definitions { get; } = definitions;
    public IReadOnlyDictionary<string, IServiceTaskHandler> Handlers { get; } = handlers;
    public IReadOnlyDictionary<string, IListenerHandler> Listeners { get; } = listeners;
    public ScriptEvaluator Scripts { get; } = scripts;
    public WorkflowEngineOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = logger;
    /// <summary>Working days for <c>P5WD</c> durations: the configured calendar, or Monday to Friday (docs/engine.md, "Working days").</summary>
    public IBusinessCalendar Calendar { get; } = calendar ?? WeekdayCalendar.Instance;

    /// <summary>The business calendar the engine was given; reminders are moved off rest days only with one.</summary>
    public IBusinessCalendar? ConfiguredCalendar { get; } = calendar;
}
