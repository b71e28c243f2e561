using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brands.Workflows.Model;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

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
/// Evaluates expressions and scripts in a fresh, sandboxed Jint engine (ES2023): no CLR access, and Jint's own
/// limits on statements, recursion, memory, time and regular-expression matching (README "Scripts and
/// expressions"). Breaking a limit throws <see cref="ScriptFailedException"/>.
/// </summary>
internal sealed class ScriptEvaluator
{
    // The first script in a process pays for compiling the interpreter itself, which can take longer than the
    // time limit; running one trivial script up front keeps that cost out of the first case's limit.
    private static readonly Lazy<bool> WarmedUp = new(() =>
    {
        new Engine().Execute("var warm = [1, 2].map(function (x) { return x * 2; }).join(',') + /a+/.test('aa');");
        return true;
    });

    private readonly WorkflowEngineOptions _options;
    private long _fastEvaluations;
    private long _engineEvaluations;

    public ScriptEvaluator(WorkflowEngineOptions options)
    {
        _options = options;
        _ = WarmedUp.Value;
    }

    /// <summary>Off only in tests that compare the fast path with the full engine.</summary>
    internal bool UseFastPath { get; init; } = true;

    /// <summary>How many scripts were answered by <see cref="FastExpression"/> without starting Jint.</summary>
    internal long FastEvaluations => Interlocked.Read(ref _fastEvaluations);

    /// <summary>How many scripts ran in a Jint engine.</summary>
    internal long EngineEvaluations => Interlocked.Read(ref _engineEvaluations);

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
            Interlocked.Increment(ref _fastEvaluations);
            return (JsonNode?)fast;
        }

        Interlocked.Increment(ref _engineEvaluations);
        var engine = new Engine(o =>
        {
            o.MaxStatements(_options.ScriptMaxStatements)
                .LimitRecursion(_options.ScriptRecursionLimit)
                .TimeoutInterval(_options.ScriptTimeout)
                .RegexTimeoutInterval(_options.ScriptTimeout);
            if (_options.ScriptMaxAllocatedBytes > 0)
            {
                o.LimitMemory(_options.ScriptMaxAllocatedBytes);
            }
        });

        try
        {
            foreach (var (name, value) in scope.VisibleVariables())
            {
                engine.SetValue(name, JsConversion.ToJs(engine, value));
            }

            engine.SetValue("execution", CreateExecution(engine, scope));
            return JsConversion.ToJson(engine.Evaluate(script.Prepared));
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
        catch (MemoryLimitExceededException)
        {
            throw new ScriptFailedException($"{Describe(script)} allocated more than {_options.ScriptMaxAllocatedBytes / 1048576.0:0.#} MB and was stopped");
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ScriptFailedException($"{Describe(script)} ran a regular expression longer than {_options.ScriptTimeout.TotalMilliseconds:N0} ms and was stopped");
        }
        catch (Exception e) when (e is TimeoutException or ExecutionCanceledException)
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

    private static JsObject CreateExecution(Engine engine, IScriptScope scope)
    {
        var execution = new JsObject(engine);
        JsValue businessKey = scope.BusinessKey is { } key ? new JsString(key) : JsValue.Null;
        execution.Set("processBusinessKey", businessKey);
        execution.Set("businessKey", businessKey);
        execution.Set("processInstanceId", new JsString(scope.CaseId.ToString()));
        execution.Set("setVariable", new ClrFunction(engine, "setVariable", (_, arguments) =>
        {
            scope.SetVariable(TypeConverter.ToString(arguments.At(0)), JsConversion.ToJson(arguments.At(1)));
            return JsValue.Undefined;
        }));
        execution.Set("getVariable", new ClrFunction(engine, "getVariable", (_, arguments) =>
            scope.TryGetVariable(TypeConverter.ToString(arguments.At(0)), out var value) ? JsConversion.ToJs(engine, value) : JsValue.Null));
        return execution;
    }

    private static string Describe(CompiledScript script)
    {
        var code = script.Code.Trim();
        return $"the expression '{(code.Length <= 60 ? code : code[..57] + "...")}'";
    }
}
