using System.Text.Json.Nodes;

namespace Brands.Workflows;

/// <summary>The engine's API: deploy, start, complete, trigger, run jobs. Thread-safe; one per application.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Deploys one BPMN file; see <see cref="DeployAsync(IReadOnlyList{BpmnSource}, CancellationToken)"/>.</summary>
    public Task<DeploymentResult> DeployAsync(string xml, CancellationToken cancellationToken = default) =>
        DeployAsync([new BpmnSource("process.bpmn", xml)], cancellationToken);

    /// <summary>
    /// Validates the files together (call activities may name processes in each other) and stores a new version of
    /// every executable process whose file changed. Throws <see cref="BpmnValidationException"/> with every problem.
    /// </summary>
    public partial Task<DeploymentResult> DeployAsync(IReadOnlyList<BpmnSource> files, CancellationToken cancellationToken = default);

    /// <summary>Starts a case of the latest version of <paramref name="definitionKey"/> and runs it until every token waits.</summary>
    public partial Task<CaseSnapshot> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? userId, CancellationToken cancellationToken = default);

    public partial Task<CaseSnapshot?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="userId"/> the assignee; 409 when another user holds the task or it is done.</summary>
    public partial Task ClaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claimed task back to its candidates.</summary>
    public partial Task UnclaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Completes a human task with the submitted variables and runs the case on until every token waits.</summary>
    public partial Task CompleteTaskAsync(Guid taskId, JsonObject? variables, string? userId, CancellationToken cancellationToken = default);

    /// <summary>Continues a token waiting in a receive task (<paramref name="elementId"/>) of the case.</summary>
    public partial Task TriggerAsync(Guid caseId, string elementId, JsonObject? variables, CancellationToken cancellationToken = default);

    /// <summary>Acquires and runs up to <paramref name="max"/> due jobs; returns how many ran.</summary>
    public partial Task<int> ExecuteDueJobsAsync(string owner, int max, CancellationToken cancellationToken = default);

    /// <summary>Gives a job whose retries ran out one more attempt, now, and resolves its incident.</summary>
    public partial Task RetryJobAsync(Guid jobId, CancellationToken cancellationToken = default);
}
