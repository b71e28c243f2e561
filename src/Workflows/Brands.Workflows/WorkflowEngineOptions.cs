namespace Brands.Workflows;

/// <summary>Limits and defaults of the engine; bind from configuration section <c>Workflows</c>.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>A BPMN file larger than this is refused before it is parsed.</summary>
    public int MaxBpmnBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Wall-clock limit of one expression or script evaluation.</summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Statement limit of one expression or script evaluation.</summary>
    public int ScriptMaxStatements { get; set; } = 10_000;

    /// <summary>
    /// Memory one script evaluation may allocate, checked before each statement: a script that builds a huge string
    /// or array is stopped with an incident instead of exhausting the node's memory (one statement can overshoot).
    /// The check runs Jint in its step-by-step mode, which describes every statement to the hook, at a cost that
    /// grows with the number of case variables (measured, without → with the check: a two-statement script
    /// 0.04 → 0.05 ms, or 0.06 → 0.10 ms in a case with 100 variables; a 9,000-statement loop 1.2 → 19 ms, or
    /// 1.4 → 86 ms with 100 variables, close to the default <see cref="ScriptTimeout"/>). 0 turns the check off.
    /// Simple expressions (<c>${approved}</c>, comparisons) never start Jint and are not affected.
    /// </summary>
    public long ScriptMaxAllocatedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Call depth limit of one expression or script evaluation.</summary>
    public int ScriptRecursionLimit { get; set; } = 64;

    /// <summary>How many times a command is re-run after losing an optimistic-concurrency race before it reports a conflict.</summary>
    public int MaxCommandAttempts { get; set; } = 5;

    /// <summary>How long a node holds an acquired job before another node may take it.</summary>
    public TimeSpan JobLockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retry cycle of elements without <c>camunda:failedJobRetryTimeCycle</c>.</summary>
    public string DefaultRetryCycle { get; set; } = "R3/PT5M";

    /// <summary>Tokens one command may move before the case is judged to loop forever and an incident is raised.</summary>
    public int MaxStepsPerCommand { get; set; } = 100_000;
}
