using Brands.Workflows.Model;
using Brands.Workflows.Parsing;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Parsing;

/// <summary>A stored definition is re-read without the deploy rules (README "Definitions and versions").</summary>
public sealed class DefinitionRereadTests
{
    // camunda:skipIfEmpty stands for an attribute a later release stops accepting.
    private static readonly string Stored = Process("stored", $$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" camunda:assignee="clerk" camunda:skipIfEmpty="true" />
        <bpmn:scriptTask id="score" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        {{Flow("f1", "start", "review")}}
        {{Flow("f2", "review", "score")}}
        """);

    [Fact]
    public void Deploying_judges_the_file()
    {
        var (_, errors) = BpmnParser.Parse(Stored, int.MaxValue, new HashSet<string> { "scriptTask" });

        Assert.Equal(
            [("review", "camunda:skipIfEmpty is not supported on <userTask>"), ("score", "<scriptTask> is not allowed on this server (Workflows:DisallowedElements)")],
            errors.Select(e => (e.ElementId, e.Message)).Order());
    }

    [Fact]
    public void Re_reading_builds_the_same_process_and_refuses_nothing()
    {
        var process = Assert.Single(BpmnParser.Reread(Stored)!.Processes);

        Assert.Equal(["f1", "f2", "review", "score", "start"], process.AllNodes.Keys.Concat(process.Body.Flows.Select(f => f.Id)).Order());
        Assert.Equal("clerk", Assert.IsType<UserTask>(process.AllNodes["review"]).Assignee?.Source);
        Assert.Same(process.AllNodes["score"], process.AllNodes["review"].Outgoing.Single().Target);
    }

    [Fact]
    public void Xml_that_cannot_be_read_is_still_no_definition()
    {
        Assert.Null(BpmnParser.Reread("<bpmn:definitions"));
    }
}
