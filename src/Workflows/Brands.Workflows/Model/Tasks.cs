namespace Brands.Workflows.Model;

/// <summary>A plain <c>task</c> or <c>manualTask</c>: passes straight through (Camunda semantics).</summary>
public sealed class PassThroughTask(string id, string? name, int line) : Activity(id, name, line);

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
}

/// <summary>A service, send or business-rule task done by the handler registered for <see cref="Topic"/>.</summary>
public sealed class ServiceTask(string id, string? name, int line, string topic) : Activity(id, name, line)
{
    public string Topic { get; } = topic;
}

/// <summary>A JavaScript script task; the script's completion value goes to <see cref="ResultVariable"/>.</summary>
public sealed class ScriptTask(string id, string? name, int line, Expression script, string? resultVariable) : Activity(id, name, line)
{
    internal Expression Script { get; } = script;
    public string? ResultVariable { get; } = resultVariable;
}

/// <summary>Waits until it is triggered.</summary>
public sealed class ReceiveTask(string id, string? name, int line) : Activity(id, name, line);

/// <summary>An embedded sub-process: its own scope of tokens and variables.</summary>
public sealed class SubProcess(string id, string? name, int line) : Activity(id, name, line)
{
    public FlowContainer Body { get; } = new(id);
}

/// <summary>A <c>camunda:in</c> or <c>camunda:out</c> mapping of a call activity.</summary>
public sealed record VariableMapping(string? Source, Expression? SourceExpression, string? Target, bool All, bool Local);

/// <summary>Starts a case of another process and waits for it to end.</summary>
public sealed class CallActivity(string id, string? name, int line, Expression calledElement) : Activity(id, name, line)
{
    public Expression CalledElement { get; } = calledElement;
    public List<VariableMapping> In { get; } = [];
    public List<VariableMapping> Out { get; } = [];
    /// <summary><c>camunda:in businessKey="…"</c>.</summary>
    public Expression? BusinessKey { get; internal set; }
}
