using System.Text;
using System.Text.Json.Nodes;
using Brands.Workflows.Model;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Debugger;

namespace Brands.Workflows.Expressions;

/// <summary>What an expression can see and do: read visible variables and, for scripts, set them.</summary>
internal interface IScriptScope
{
    /// <summary>Every visible variable, nearest scope first; a name appears once.</summary>
    IEnumerable<KeyValuePair<string, JsonNode?>> VisibleVariables();

    void SetVariable(string name, JsonNode? value);

    bool TryGetVariable(string name, out JsonNode? value);

    string? BusinessKey { get; }
    Guid CaseId { get; }
}

/// <summary>
/// Evaluates expressions and scripts in a fresh, sandboxed Jint engine: no CLR access, and limits on statements,
/// recursion and time (DESIGN §3.2). Breaking a limit throws <see cref="ScriptFailedException"/>.
/// </summary>
internal sealed class ScriptEvaluator
{
    // The first script in a process pays for compiling the interpreter itself, which can take longer than the
    // time limit; running one trivial script up front keeps that cost out of the first case's limit.
    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        new Engine().Execute("var warm = [1, 2].map(function (x) { return x * 2; }).join(',');");
        return true;
    });

    private readonly WorkflowEngineOptions _options;

    public ScriptEvaluator(WorkflowEngineOptions options)
    {
        _options = options;
        _ = WarmedUp.Value;
    }

    /// <summary>Off only in tests that compare the fast path with the full engine.</summary>
    internal bool UseFastPath { get; init; } = true;

    public JsonNode? Evaluate(Expression expression, IScriptScope scope)
    {
        var parts = expression.Parts;
        if (parts.Count == 1)
        {
            return parts[0].Script is { } only ? Run(only, scope) : JsonValue.Create(parts[0].Text);
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Script is { } script ? JsConversion.ToText(Run(script, scope)) : part.Text);
        }

        return JsonValue.Create(text.ToString());
    }

    public bool EvaluateCondition(Expression expression, IScriptScope scope) => JsConversion.IsTruthy(Evaluate(expression, scope));

    public string? EvaluateText(Expression? expression, IScriptScope scope) =>
        expression is null ? null : Evaluate(expression, scope) is { } value ? JsConversion.ToText(value) : null;

    private JsonNode? Run(CompiledScript script, IScriptScope scope)
    {
        if (UseFastPath && script.Fast is { } fastPath && fastPath.Evaluate(scope) is var fast && fast != FastExpression.Unsupported)
        {
            return (JsonNode?)fast;
        }

        var memoryLimit = _options.ScriptMaxAllocatedBytes;
        var engine = new Engine(o =>
        {
            o.MaxStatements(_options.ScriptMaxStatements)
                .LimitRecursion(_options.ScriptRecursionLimit)
                .TimeoutInterval(_options.ScriptTimeout);
            if (memoryLimit > 0)
            {
                o.DebugMode();
            }
        });
        var meter = memoryLimit > 0 ? new AllocationMeter(memoryLimit, () => Describe(script)) : null;
        if (meter is not null)
        {
            engine.Step += meter.OnStep;
        }

        try
        {
            foreach (var (name, value) in scope.VisibleVariables())
            {
                engine.SetValue(name, JsConversion.ToJs(engine, value));
            }

            engine.SetValue("execution", CreateExecution(engine, scope));
            meter?.Start();
            engine.Execute(script.Program);
            return JsConversion.ToJson(engine.GetCompletionValue());
        }
        catch (JavaScriptException e)
        {
            throw new ScriptFailedException($"{Describe(script)} failed: {e.Error}");
        }
        catch (StatementsCountOverflowException)
        {
            throw new ScriptFailedException($"{Describe(script)} ran more than {_options.ScriptMaxStatements:N0} statements and was stopped");
        }
        catch (RecursionDepthOverflowException)
        {
            throw new ScriptFailedException($"{Describe(script)} recursed deeper than {_options.ScriptRecursionLimit} calls and was stopped");
        }
        catch (TimeoutException)
        {
            throw new ScriptFailedException($"{Describe(script)} ran longer than {_options.ScriptTimeout.TotalMilliseconds:N0} ms and was stopped");
        }
        catch (OutOfMemoryException)
        {
            // One statement asked for more than the process could give (e.g. an array join of a billion
            // elements); that allocation did not happen, so the node carries on.
            throw new ScriptFailedException($"{Describe(script)} ran out of memory and was stopped");
        }
        catch (Exception e) when (e is not ScriptFailedException)
        {
            throw new ScriptFailedException($"{Describe(script)} failed: {e.Message}");
        }
    }

    /// <summary>
    /// The memory limit. Jint 2.10 has none of its own; in debug mode it calls a step hook before each statement,
    /// where this reads what the thread has allocated since the script started. Debug mode itself allocates a
    /// description of every step (about 2 KB, plus about 0.2 KB per global variable, so it grows with the case's
    /// variables): twice what the first step cost is allowed per step and not counted, so that only what the
    /// script's statements allocate beyond that counts towards the limit.
    /// </summary>
    private sealed class AllocationMeter(long limit, Func<string> describe)
    {
        private long _start;
        private long _allowancePerStep = -1;
        private long _steps;

        public void Start() => _start = GC.GetAllocatedBytesForCurrentThread();

        public StepMode OnStep(object? sender, DebugInformation step)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - _start;
            if (_allowancePerStep < 0)
            {
                _allowancePerStep = 2 * allocated + 1024;
            }

            return allocated - (++_steps * _allowancePerStep) <= limit
                ? StepMode.Into
                : throw new ScriptFailedException($"{describe()} allocated more than {limit / 1048576.0:0.#} MB and was stopped");
        }
    }

    private static JsValue CreateExecution(Engine engine, IScriptScope scope)
    {
        var execution = engine.Object.Construct(Arguments.Empty);
        execution.Put("processBusinessKey", scope.BusinessKey is { } key ? new JsValue(key) : JsValue.Null, false);
        execution.Put("businessKey", scope.BusinessKey is { } key2 ? new JsValue(key2) : JsValue.Null, false);
        execution.Put("processInstanceId", new JsValue(scope.CaseId.ToString()), false);
        execution.Put("setVariable", JsValue.FromObject(engine, new Action<string, JsValue>((name, value) =>
            scope.SetVariable(name, JsConversion.ToJson(value)))), false);
        execution.Put("getVariable", JsValue.FromObject(engine, new Func<string, JsValue>(name =>
            JsConversion.ToJs(engine, scope.VisibleVariables().FirstOrDefault(v => v.Key == name).Value))), false);
        return execution;
    }

    private static string Describe(CompiledScript script)
    {
        var code = script.Code.Trim();
        return $"the expression '{(code.Length <= 60 ? code : code[..57] + "...")}'";
    }
}
