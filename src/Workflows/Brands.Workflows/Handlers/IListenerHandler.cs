namespace Brands.Workflows.Handlers;

/// <summary>
/// A listener a BPMN file names with <c>camunda:delegateExpression="${Name}"</c> on an execution or task listener, the
/// way processes send notifications. Register implementations with <c>services.AddListenerHandler&lt;T&gt;()</c>; a
/// deployment that names a handler nobody registered is refused.
/// </summary>
/// <remarks>
/// It runs inside the step that raised the event and commits with it, so a step retried after a conflict runs it
/// again: write rows (an outbox) rather than calling the outside world. An exception fails the step: it is undone and
/// parks its case with an incident (for a task's complete or assignment listener, the user's action is refused).
/// </remarks>
public interface IListenerHandler
{
    string Name { get; }

    Task ExecuteAsync(ListenerContext context, CancellationToken cancellationToken);
}
