using System.Text.Json.Nodes;
using Brands.Workflows.Handlers;
using Brands.Workflows.Persistence;
using Microsoft.Extensions.Logging;

namespace Brands.Workflows;

public sealed partial class WorkflowEngine
{
    public WorkflowEngine(IWorkflowStore store, IEnumerable<IServiceTaskHandler> handlers, WorkflowEngineOptions options,
        TimeProvider timeProvider, ILogger<WorkflowEngine> logger)
    {
        _ = (store, handlers, options, timeProvider, logger);
    }

    public partial Task<DeploymentResult> DeployAsync(IReadOnlyList<BpmnSource> files, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task<CaseSnapshot> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task<CaseSnapshot?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task ClaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task UnclaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task CompleteTaskAsync(Guid taskId, JsonObject? variables, string? userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task TriggerAsync(Guid caseId, string elementId, JsonObject? variables, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task<int> ExecuteDueJobsAsync(string owner, int max, CancellationToken cancellationToken) => throw new NotSupportedException();
    public partial Task RetryJobAsync(Guid jobId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
