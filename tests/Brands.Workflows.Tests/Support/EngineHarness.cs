using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

using Xunit;

namespace Brands.Workflows.Tests.Support;

/// <summary>An engine on a store of the test's choosing, with a fake clock and recording service-task handlers.</summary>
public sealed class EngineHarness
{
    public EngineHarness(IWorkflowStore? store = null, WorkflowEngineOptions? options = null, params IServiceTaskHandler[] handlers)
        : this(store, options, null, null, [], handlers)
    {
    }

    /// <summary>An engine that knows these listener handlers.</summary>
    public EngineHarness(IWorkflowStore? store, WorkflowEngineOptions? options, IServiceTaskHandler[] handlers, IListenerHandler[] listeners)
        : this(store, options, null, null, listeners, handlers)
    {
    }

    /// <summary>An engine with a business calendar (working days and reminders).</summary>
    public EngineHarness(IWorkflowStore? store, WorkflowEngineOptions? options, Brands.Workflows.Timers.IBusinessCalendar? calendar, params IServiceTaskHandler[] handlers)
        : this(store, options, calendar, null, [], handlers)
    {
    }

    /// <summary>An engine with a business calendar whose clock starts at <paramref name="start"/> (the clock only moves forward).</summary>
    public EngineHarness(IWorkflowStore? store, WorkflowEngineOptions? options, Brands.Workflows.Timers.IBusinessCalendar? calendar, DateTimeOffset? start,
        params IServiceTaskHandler[] handlers)
        : this(store, options, calendar, start, [], handlers)
    {
    }

    /// <summary>An engine that shows every commit to these observers first.</summary>
    public EngineHarness(IWorkflowStore? store, IServiceTaskHandler[] handlers, ICommitObserver[] observers)
        : this(store, null, null, null, [], handlers, observers)
    {
    }

    private EngineHarness(IWorkflowStore? store, WorkflowEngineOptions? options, Brands.Workflows.Timers.IBusinessCalendar? calendar, DateTimeOffset? start,
        IListenerHandler[] listeners, IServiceTaskHandler[] handlers, ICommitObserver[]? observers = null)
    {
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        Store = store ?? new InMemoryWorkflowStore();
        Handlers = [.. handlers, Recorder];
        // A generous script time limit: the test machines are shared and busy; the limit itself has its own test.
        Engine = new WorkflowEngine(Store, Handlers, options ?? new WorkflowEngineOptions { ScriptTimeout = TimeSpan.FromSeconds(5) },
            Clock, NullLogger<WorkflowEngine>.Instance, listeners, calendar, observers);
    }

    public IWorkflowStore Store { get; }
    public WorkflowEngine Engine { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingHandler Recorder { get; } = new("record");
    public IReadOnlyList<IServiceTaskHandler> Handlers { get; }

    public async Task<CaseSnapshot> StartAsync(string xml, object? variables = null, string? businessKey = null)
    {
        var deployed = await Engine.DeployAsync(xml);
        return await Engine.StartAsync(deployed.Definitions[0].Key, businessKey, ToJson(variables), "tester");
    }

    public async Task<CaseSnapshot> CaseAsync(Guid id) => (await Engine.GetCaseAsync(id))!;

    public Task<IReadOnlyList<TaskRecord>> TasksAsync(Guid caseId) => Store.GetOpenTasksAsync(caseId);

    /// <summary>Completes the one open task of the case at <paramref name="elementId"/>.</summary>
    public async Task CompleteAsync(Guid caseId, string elementId, object? variables = null, string? user = null)
    {
        var tasks = (await TasksAsync(caseId)).Where(t => t.ElementId == elementId).ToList();
        Assert.True(tasks.Count > 0, $"no open task at {elementId}; open: {string.Join(",", (await TasksAsync(caseId)).Select(t => t.ElementId))}");
        await Engine.CompleteTaskAsync(tasks[0].Id, ToJson(variables), user);
    }

    /// <summary>Runs due jobs until none is left.</summary>
    public async Task RunJobsAsync()
    {
        while (await Engine.ExecuteDueJobsAsync("test-node", 100) > 0)
        {
        }
    }

    public async Task<IReadOnlyList<string>> HistoryKindsAsync(Guid caseId, string? elementId = null) =>
        [.. (await Store.GetHistoryAsync(caseId)).Where(h => elementId is null || h.ElementId == elementId).Select(h => h.Kind)];

    public static JsonObject? ToJson(object? value) => value switch
    {
        null => null,
        JsonObject json => json,
        _ => System.Text.Json.JsonSerializer.SerializeToNode(value) as JsonObject,
    };
}

/// <summary>A service-task handler that records its calls and can be told to fail or throw a BPMN error.</summary>
public sealed class RecordingHandler(string topic) : IServiceTaskHandler
{
    public string Topic { get; } = topic;
    public List<(Guid CaseId, string ElementId)> Calls { get; } = [];
    public int FailuresToGo { get; set; }
    public string? BpmnErrorCode { get; set; }
    public Action<ServiceTaskContext>? OnExecute { get; set; }

    public Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add((context.CaseId, context.ElementId));
        }

        if (FailuresToGo > 0)
        {
            FailuresToGo--;
            throw new InvalidOperationException("the mail server is down");
        }

        if (BpmnErrorCode is { } code)
        {
            throw new BpmnErrorException(code);
        }

        OnExecute?.Invoke(context);
        return Task.CompletedTask;
    }
}
