namespace Brands.Workflows.Handlers;

/// <summary>
/// Does the work of service and send tasks whose <c>camunda:topic</c> equals <see cref="Topic"/>. Register
/// implementations with <c>services.AddServiceTaskHandler&lt;T&gt;()</c>; a deployment that names a topic
/// without a handler is refused.
/// </summary>
/// <remarks>
/// Throw <see cref="BpmnErrorException"/> to raise a BPMN error that an error boundary event may catch; any
/// other exception is a technical failure: the task is retried per <c>failedJobRetryTimeCycle</c>, then becomes
/// an incident.
/// </remarks>
public interface IServiceTaskHandler
{
    string Topic { get; }

    Task ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
