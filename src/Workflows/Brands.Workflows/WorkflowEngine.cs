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

    /// <summary>
    /// As <see cref="DeployAsync(IReadOnlyList{BpmnSource}, CancellationToken)"/>, for files an administrator made from a
    /// known version: <paramref name="basedOnVersion"/> is the latest version of the file's process (of each, in a file
    /// with several) the administrator saw, 0 for a process not deployed yet. When someone else deployed a later version meanwhile, the
    /// deployment is refused with <see cref="WorkflowConflictException"/> rather than silently numbered after it, so of
    /// two administrators deploying the same key at once one wins and the other is told.
    /// </summary>
    public partial Task<DeploymentResult> DeployAsync(IReadOnlyList<BpmnSource> files, int? basedOnVersion, CancellationToken cancellationToken = default);

    /// <summary>Starts a case of the latest version of <paramref name="definitionKey"/> and runs it until every token waits.</summary>
    public Task<CaseSnapshot> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? userId, CancellationToken cancellationToken = default) =>
        StartAsync(definitionKey, businessKey, variables, userId, null, cancellationToken);

    /// <summary>As the overload without <paramref name="attributes"/>, storing them on the case (and the cases it calls).</summary>
    public partial Task<CaseSnapshot> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? userId, CaseAttributes? attributes, CancellationToken cancellationToken = default);

    public partial Task<CaseSnapshot?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="userId"/> the assignee; 409 when another user holds the task or it is done.</summary>
    public partial Task ClaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claimed task back to its candidates.</summary>
    public Task UnclaimTaskAsync(Guid taskId, string userId, CancellationToken cancellationToken = default) =>
        UnclaimTaskAsync(taskId, userId, null, cancellationToken);

    /// <summary>
    /// Releases a claimed task; with <paramref name="onBehalfOf"/>, <paramref name="userId"/> releases it for that
    /// assignee (409 when the task is no longer theirs), recorded in the history as done on their behalf.
    /// </summary>
    public partial Task UnclaimTaskAsync(Guid taskId, string userId, string? onBehalfOf, CancellationToken cancellationToken = default);

    /// <summary>Completes a human task with the submitted variables and runs the case on until every token waits.</summary>
    public Task CompleteTaskAsync(Guid taskId, JsonObject? variables, string? userId, CancellationToken cancellationToken = default) =>
        CompleteTaskAsync(taskId, variables, userId, null, cancellationToken);

    /// <summary>
    /// Completes a human task; with <paramref name="onBehalfOf"/>, <paramref name="userId"/> completes it for that
    /// assignee (409 when the task is no longer theirs), recorded in the history as done on their behalf.
    /// </summary>
    public partial Task CompleteTaskAsync(Guid taskId, JsonObject? variables, string? userId, string? onBehalfOf, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="assignee"/> the task's assignee whoever held it (null: back to the candidates),
    /// recorded as done by <paramref name="userId"/>; 409 when the task is done. Who may do so is the host's rule.
    /// </summary>
    public partial Task AssignTaskAsync(Guid taskId, string? assignee, string userId, CancellationToken cancellationToken = default);

    /// <summary>Continues a token waiting in a receive task (<paramref name="elementId"/>) of the case.</summary>
    public partial Task TriggerAsync(Guid caseId, string elementId, JsonObject? variables, CancellationToken cancellationToken = default);

    /// <summary>Acquires up to <paramref name="max"/> due jobs in one batch and runs them one after another, in due order; returns how many ran.</summary>
    public partial Task<int> ExecuteDueJobsAsync(string owner, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs due jobs as <paramref name="owner"/> until none is left due: batches of
    /// <see cref="JobRunSettings.BatchSize"/> acquired earliest due first, the next while the last still runs, up to
    /// <see cref="JobRunSettings.Parallelism"/> jobs at once (never two of one case); returns how many ran.
    /// <paramref name="stopAcquiring"/> stops taking more (the jobs held still run); <paramref name="cancellationToken"/>
    /// cancels the jobs' own steps.
    /// </summary>
    public partial Task<int> RunDueJobsAsync(string owner, JobRunSettings settings, CancellationToken stopAcquiring,
        CancellationToken cancellationToken = default);

    /// <summary>Gives a job whose retries ran out one more attempt, now, and resolves its incident.</summary>
    public partial Task RetryJobAsync(Guid jobId, CancellationToken cancellationToken = default);
}
