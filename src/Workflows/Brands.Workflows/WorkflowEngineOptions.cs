namespace Brands.Workflows;

/// <summary>Limits and defaults of the engine; bind from configuration section <c>Workflows</c>.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>A BPMN file larger than this is refused before it is parsed.</summary>
    public int MaxBpmnBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Wall-clock limit of one expression or script evaluation; also the limit of each regular-expression match
    /// inside it, so a catastrophic pattern is stopped as well.
    /// </summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Statement limit of one expression or script evaluation.</summary>
    public int ScriptMaxStatements { get; set; } = 10_000;

    /// <summary>
    /// Memory one script evaluation may allocate (Jint's own memory limit, checked as the script runs and charged for
    /// long string concatenations as they are built): a script that builds a huge string or array is stopped with an
    /// incident instead of exhausting the node's memory. What converting the case's variables for the script
    /// allocates is not counted; one built-in call (a join, say) can overshoot before the next check, and the time
    /// limit bounds it. The check costs little (measured 2026-12-03: a 9,000-statement loop in a case with
    /// 100 variables runs in 5–8 ms with every limit on, against 86 ms with the step hook Jint 2 needed). 0 turns
    /// the check off.
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

    /// <summary>
    /// BPMN element kinds (local names, e.g. <c>scriptTask</c>) this server refuses at deploy, on top of what the engine
    /// does not support. Like every deploy rule, it judges new deployments only: definitions already deployed are
    /// re-read without it, and the cases running on them carry on.
    /// </summary>
    public IList<string> DisallowedElements { get; set; } = [];

    /// <summary>Tokens one command may move before the case is judged to loop forever and an incident is raised.</summary>
    public int MaxStepsPerCommand { get; set; } = 100_000;
}
