using System.Text.Json.Nodes;
using Brands.Workflows.Expressions;
using Xunit;

namespace Brands.Workflows.Tests.Expressions;

public sealed class FastExpressionTests
{
    private static readonly ScriptEvaluator Fast = new(new WorkflowEngineOptions());
    private static readonly ScriptEvaluator Full = new(new WorkflowEngineOptions()) { UseFastPath = false };

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
    [InlineData("${approved}")]
    [InlineData("${!approved}")]
    [InlineData("${amount > 1000 && region == 'ZJ'}")]
    [InlineData("${amount >= 1500 || nothing}")]
    [InlineData("${nothing || 'fallback'}")]
    [InlineData("${empty && 'never'}")]
    [InlineData("${zero ? 'yes' : 'no'}")]
    [InlineData("${amount * ratio - 1}")]
    [InlineData("${amount / 7}")]
    [InlineData("${amount % 7}")]
    [InlineData("${-amount}")]
    [InlineData("${region + '-' + region}")]
    [InlineData("${region < 'ZZ'}")]
    [InlineData("${applicant.name}")]
    [InlineData("${applicant.marks.length}")]
    [InlineData("${applicant.marks[1]}")]
    [InlineData("${applicant.missing}")]
    [InlineData("${experts}")]
    [InlineData("${nothing == undefined}")]
    [InlineData("${nothing === null}")]
    [InlineData("${amount == '1500'}")]
    [InlineData("${region + amount}")]
    [InlineData("${amount === 1500.0}")]
    [InlineData("${1 / zero}")]
    [InlineData("${'x'.length}")]
    public void The_fast_path_agrees_with_the_javascript_engine(string source)
    {
        var expression = ExpressionCompiler.Compile(source, out var error)!;
        Assert.Null(error);
        var scope = new Scope(Variables);

        var fast = Fast.Evaluate(expression, scope);
        var full = Full.Evaluate(expression, scope);

        Assert.True(JsonNode.DeepEquals(full, fast), $"{source}: engine {full?.ToJsonString()} fast {fast?.ToJsonString()}");
    }

    [Fact]
    public void A_missing_variable_falls_back_to_the_engine_and_its_reference_error()
    {
        var expression = ExpressionCompiler.Compile("${unknown > 1}", out _)!;
        var failure = Assert.Throws<ScriptFailedException>(() => Fast.Evaluate(expression, new Scope([])));
        Assert.Contains("unknown is not defined", failure.Message, StringComparison.Ordinal);
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
