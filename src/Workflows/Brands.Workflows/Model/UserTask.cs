namespace Brands.Workflows.Model;

/// <summary>A human task with Camunda 7's assignment attributes.</summary>
public sealed class UserTask(string id, string? name, int line) : Activity(id, name, line)
{
    public Expression? Assignee { get; init; }
    public Expression? CandidateUsers { get; init; }
    public Expression? CandidateGroups { get; init; }
    public Expression? DueDate { get; init; }
    public Expression? FollowUpDate { get; init; }
    public Expression? Priority { get; init; }
    public string? FormRef { get; init; }
    public string? FormRefBinding { get; init; }
    /// <summary><c>camunda:taskListener</c>s: <c>create</c>, <c>assignment</c>, <c>complete</c>, <c>timeout</c>.</summary>
    public List<Listener> TaskListeners { get; } = [];
}
