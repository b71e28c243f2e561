using Brands.Workflows.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Brands.Workflows;

/// <summary>Registers the engine. A store (<see cref="Persistence.IWorkflowStore"/>) is registered separately.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<WorkflowEngineOptions>? configure = null)
    {
        var options = new WorkflowEngineOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowEngine>();
        return services;
    }

    /// <summary>Registers a handler for service and send tasks of its topic.</summary>
    public static IServiceCollection AddServiceTaskHandler<THandler>(this IServiceCollection services)
        where THandler : class, IServiceTaskHandler
    {
        services.AddSingleton<IServiceTaskHandler, THandler>();
        return services;
    }

    /// <summary>Registers an observer the engine shows every commit before it is written (docs/engine.md, "Outbox").</summary>
    public static IServiceCollection AddCommitObserver<TObserver>(this IServiceCollection services)
        where TObserver : class, ICommitObserver
    {
        services.AddSingleton<ICommitObserver, TObserver>();
        return services;
    }

    /// <summary>Registers a listener handler, named in BPMN by <c>camunda:delegateExpression="${Name}"</c>.</summary>
    public static IServiceCollection AddListenerHandler<THandler>(this IServiceCollection services)
        where THandler : class, IListenerHandler
    {
        services.AddSingleton<IListenerHandler, THandler>();
        return services;
    }
}
