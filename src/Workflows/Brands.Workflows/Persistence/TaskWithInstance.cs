namespace Brands.Workflows.Persistence;

/// <summary>A task and the case (instance) it belongs to, as read together by <see cref="IWorkflowStore.GetTaskWithInstanceAsync"/>.</summary>
public sealed record TaskWithInstance(TaskRecord Task, InstanceRecord Instance);
