using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Xunit;

namespace Brands.Workflows.Tests.Expressions;

public sealed class FastExpressionTests
{
    private static readonly ScriptEvaluator Full = new(new WorkflowEngineOptions { ScriptTimeout = TimeSpan.FromSeconds(5) }) { UseFastPath = false };

    private static readonly JsonObject Variables = new()
    {
        ["approved"] = true,
        ["amount"] = 1500,
        ["ratio"] = 0.25,
        ["region"] = "ZJ",
        ["empty"] = "",
        ["nothing"] = null,
        ["zero"] = 0,
        ["applicant"] = new JsonObject { ["name"] = "杭州某某有限公司", ["marks"] = new JsonArray(3, 4) },
        ["experts"] = new JsonArray("zhang", "li"),
    };

    [Theory]
    [InlineData("${approved}", true)]
    [InlineData("${!approved}", true)]
    [InlineData("${amount > 1000 && region == 'ZJ'}", true)]
    [InlineData("${amount >= 1500 || nothing}", true)]
    [InlineData("${nothing || 'fallback'}", true)]
    [InlineData("${empty && 'never'}", true)]
    [InlineData("${zero ? 'yes' : 'no'}", true)]
    [InlineData("${amount * ratio - 1}", true)]
    [InlineData("${amount / 7}", true)]
    [InlineData("${amount % 7}", true)]
    [InlineData("${-amount}", true)]
    [InlineData("${region + '-' + region}", true)]
    [InlineData("${region < 'ZZ'}", true)]
    [InlineData("${applicant.name}", true)]
    [InlineData("${applicant.marks.length}", true)]
    [InlineData("${applicant.marks[1]}", true)]
    [InlineData("${applicant.missing}", true)]
    [InlineData("${experts}", true)]
    [InlineData("${nothing == undefined}", true)]
    [InlineData("${nothing === null}", true)]
    [InlineData("${amount == '1500'}", false)]
    [InlineData("${region + amount}", false)]
    [InlineData("${amount === 1500.0}", true)]
    [InlineData("${1 / zero}", true)]
    [InlineData("${'x'.length}", true)]
    public void The_fast_path_agrees_with_the_javascript_engine(string source, bool answeredWithoutTheEngine)
    {
        var expression = ExpressionCompiler.Compile(source, out var error)!;
        Assert.Null(error);
        var scope = new Scope(Variables);
        var fast = new ScriptEvaluator(new WorkflowEngineOptions());
        var full = new ScriptEvaluator(new WorkflowEngineOptions()) { UseFastPath = false };

        var fastValue = fast.Evaluate(expression, scope);
        var fullValue = full.Evaluate(expression, scope);

        Assert.True(JsonNode.DeepEquals(fullValue, fastValue), $"{source}: engine {fullValue?.ToJsonString()} fast {fastValue?.ToJsonString()}");
        // Which path answered: mixed types (a number against a string) are left to the engine, everything else
        // in this list is answered by the fast path, and the full evaluator really ran Jint.
        Assert.Equal(answeredWithoutTheEngine ? (1, 0) : (0, 1), (fast.FastEvaluations, fast.EngineEvaluations));
        Assert.Equal((0, 1), (full.FastEvaluations, full.EngineEvaluations));
    }

    [Fact]
    public void A_missing_variable_falls_back_to_the_engine_and_its_reference_error()
    {
        var expression = ExpressionCompiler.Compile("${unknown > 1}", out _)!;
        var evaluator = new ScriptEvaluator(new WorkflowEngineOptions());

        var failure = Assert.Throws<ScriptFailedException>(() => evaluator.Evaluate(expression, new Scope([])));

        Assert.Contains("unknown is not defined", failure.Message, StringComparison.Ordinal);
        Assert.Equal((0, 1), (evaluator.FastEvaluations, evaluator.EngineEvaluations));
    }

    [Theory]
    [InlineData("${amount > }", "Unexpected token ')'")]
    [InlineData("${a b}", "Unexpected identifier 'b'")]
    [InlineData("${(x => x * 2)(}", "Unexpected")]
    public void A_syntax_error_is_found_when_the_expression_is_compiled(string source, string expected)
    {
        Assert.Null(ExpressionCompiler.Compile(source, out var error));
        Assert.Contains("does not parse", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${experts.map(e => `${e}@cnipa`).join(';')}", "\"zhang@cnipa;li@cnipa\"")]
    [InlineData("${applicant?.missing?.name ?? 'none'}", "\"none\"")]
    [InlineData("${[...experts, 'wang'].includes('wang')}", "true")]
    [InlineData("${Object.entries({a: 1, b: 2}).flat().at(-1)}", "2")]
    [InlineData("${2n ** 10n > 1000n}", "true")]
    [InlineData("${2n ** 10n}", "1024")]
    [InlineData("${2n ** 70n}", "\"1180591620717411303424\"")]
    public void Expressions_are_es2023(string source, string expected)
    {
        var expression = ExpressionCompiler.Compile(source, out var error)!;
        Assert.Null(error);

        Assert.Equal(expected, Full.Evaluate(expression, new Scope(Variables))?.ToJsonString());
    }

    private sealed class Scope(JsonObject variables) : IScriptScope
    {
        public string? BusinessKey => "2025-ENT-ZJ-0012";
        public Guid CaseId { get; } = Guid.NewGuid();

        public IEnumerable<KeyValuePair<string, JsonNode?>> VisibleVariables() => variables;

        public bool TryGetVariable(string name, out JsonNode? value) => variables.TryGetPropertyValue(name, out value);

        public void SetVariable(string name, JsonNode? value) => variables[name] = value;
    }
}
