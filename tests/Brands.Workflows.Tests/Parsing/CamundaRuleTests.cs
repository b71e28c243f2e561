using Brands.Workflows.Model;
using Brands.Workflows.Parsing;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Parsing;

/// <summary>What Camunda 7 refuses at deploy we refuse too, each with the element id and line; what it accepts we accept.</summary>
public sealed class CamundaRuleTests
{
    private const string CamundaDeclaration = "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"";
    private readonly EngineHarness _harness = new();

    private async Task<ValidationError> RefusedOnceAsync(string xml)
    {
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => _harness.Engine.DeployAsync(xml));
        Assert.Empty(await _harness.Store.ListLatestDefinitionsAsync());
        return Assert.Single(refused.Errors);
    }

    // The element under test is on line 9 of the file: Process() puts its content from line 8, after a start event.
    [Theory]
    [InlineData("""<bpmn:callActivity id="call" calledElement="${'child'}"><bpmn:extensionElements><camunda:in source="a" target="" /></bpmn:extensionElements></bpmn:callActivity>""", "call", "camunda:in has an empty target")]
    [InlineData("""<bpmn:callActivity id="call" calledElement="${'child'}"><bpmn:extensionElements><camunda:out source="a" target=" " /></bpmn:extensionElements></bpmn:callActivity>""", "call", "camunda:out has an empty target")]
    [InlineData("""<bpmn:userTask id="review" camunda:formRef="review-form" camunda:formRefBinding="newest" />""", "review", "camunda:formRefBinding 'newest' is not one of latest, deployment or version")]
    [InlineData("""<bpmn:userTask id="review" camunda:formRef="review-form" camunda:formRefBinding="version" />""", "review", "camunda:formRefBinding=\"version\" needs camunda:formRefVersion")]
    [InlineData("""<bpmn:userTask id="review" camunda:formKey="embedded:app:forms/review.html" camunda:formRef="review-form" />""", "review", "camunda:formKey and camunda:formRef cannot be used together")]
    [InlineData("""<bpmn:callActivity id="call" calledElement="${'child'}" camunda:calledElementBinding="newest" />""", "call", "camunda:calledElementBinding 'newest' is not one of latest, deployment, version or versionTag")]
    [InlineData("""<bpmn:callActivity id="call" calledElement="${'child'}" camunda:calledElementBinding="version" />""", "call", "camunda:calledElementBinding=\"version\" needs camunda:calledElementVersion")]
    [InlineData("""<bpmn:callActivity id="call" calledElement="${'child'}" camunda:calledElementBinding="versionTag" />""", "call", "camunda:calledElementBinding=\"versionTag\" needs camunda:calledElementVersionTag")]
    public async Task What_camunda_refuses_on_an_element_is_refused_naming_it(string element, string id, string expected)
    {
        var error = await RefusedOnceAsync(Process("refused", $"""
            <bpmn:startEvent id="start" />
            {element}
            """));

        Assert.Equal((id, 9), (error.ElementId, error.Line));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_form_with_both_form_key_and_form_ref_is_refused()
    {
        var error = await RefusedOnceAsync(Process("start-form", """
            <bpmn:startEvent id="start" camunda:formKey="embedded:app:forms/apply.html" camunda:formRef="apply" />
            """));

        Assert.Equal(("start", 8), (error.ElementId, error.Line));
        Assert.Contains("camunda:formKey and camunda:formRef cannot be used together", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("P-1D")]
    [InlineData("P3M")]
    [InlineData("3.5")]
    [InlineData("half a year")]
    public async Task An_invalid_history_time_to_live_is_refused_naming_the_process(string ttl)
    {
        var error = await RefusedOnceAsync(Process("kept", """<bpmn:startEvent id="start" />""")
            .Replace("isExecutable=\"true\"", $"isExecutable=\"true\" camunda:historyTimeToLive=\"{ttl}\"", StringComparison.Ordinal));

        Assert.Equal(("kept", 7), (error.ElementId, error.Line));
        Assert.Contains($"camunda:historyTimeToLive '{ttl}' is not a number of days", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("180")]
    [InlineData("P180D")]
    [InlineData("0")]
    public async Task A_history_time_to_live_in_days_is_accepted(string ttl)
    {
        var deployed = await _harness.Engine.DeployAsync(Process("kept", """<bpmn:startEvent id="start" />""")
            .Replace("isExecutable=\"true\"", $"isExecutable=\"true\" camunda:historyTimeToLive=\"{ttl}\"", StringComparison.Ordinal));

        Assert.Equal("kept", Assert.Single(deployed.Definitions).Key);
    }

    [Theory]
    [InlineData("http://activiti.org/bpmn", "Activiti's namespace http://activiti.org/bpmn")]
    [InlineData("http://camunda.org/schema/1.0/bpmn/", "the namespace 'http://camunda.org/schema/1.0/bpmn/'")]
    [InlineData("https://www.camunda.org/schema/1.0/bpmn", "the namespace 'https://www.camunda.org/schema/1.0/bpmn'")]
    [InlineData("http://example.org/not-camunda", "the namespace 'http://example.org/not-camunda'")]
    public async Task A_camunda_prefix_bound_to_another_namespace_is_named_with_that_namespace(string uri, string named)
    {
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => _harness.Engine.DeployAsync(Process("misbound", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" camunda:assignee="clerk" />
            <bpmn:serviceTask id="notify" camunda:type="external" camunda:topic="mail" />
            <bpmn:userTask id="check"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>
            """).Replace(CamundaDeclaration, $"xmlns:camunda=\"{uri}\"", StringComparison.Ordinal)));

        var errors = refused.Errors;
        var assignee = Assert.Single(errors, e => e.ElementId == "review");
        Assert.Equal(9, assignee.Line);
        Assert.Equal($"camunda:assignee is in {named}, not in Camunda 7's http://camunda.org/schema/1.0/bpmn, so the engine would not read it; bind the prefix camunda to http://camunda.org/schema/1.0/bpmn", assignee.Message);
        // The service task is not built (Camunda's type and topic are missing), and says why.
        Assert.Contains(errors, e => e.ElementId == "notify" && e.Line == 10 && e.Message.StartsWith("camunda:topic is in " + named, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ElementId == "notify" && e.Line == 10 && e.Message.StartsWith("camunda:type is in " + named, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ElementId == "check" && e.Line == 11 && e.Message.StartsWith("<camunda:inputOutput> is in " + named, StringComparison.Ordinal));
    }

    [Fact]
    public void Another_prefix_for_a_misspelt_camunda_namespace_is_named_too()
    {
        var xml = Process("misspelt", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" xmlns:cam="http://camunda.org/schema/1.0/bpmn/" cam:assignee="clerk" />
            """);

        var (_, errors) = BpmnParser.Parse(xml, int.MaxValue);

        var error = Assert.Single(errors);
        Assert.Equal(("review", 9), (error.ElementId, error.Line));
        Assert.StartsWith("cam:assignee is in the namespace 'http://camunda.org/schema/1.0/bpmn/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_flows_without_an_id_are_accepted_with_ids_that_a_re_read_gives_again()
    {
        var xml = Process("unnamed-flows", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow sourceRef="review" targetRef="end" />
            <bpmn:sequenceFlow id="sequenceFlow_12_2" sourceRef="review" targetRef="end" />
            """);

        var (document, errors) = BpmnParser.Parse(xml, int.MaxValue);

        Assert.Empty(errors);
        var flows = Assert.Single(document!.Processes).Body.Flows.Select(f => f.Id).ToList();
        // Kind, line and column; a written id that happens to look the same is not taken over.
        Assert.Equal(["sequenceFlow_11_2", "sequenceFlow_12_2_2", "sequenceFlow_12_2"], flows);
        Assert.Equal(flows, BpmnParser.Reread(xml)!.Processes[0].Body.Flows.Select(f => f.Id));
        Assert.Equal(flows, BpmnParser.Parse(xml, int.MaxValue).Document!.Processes[0].Body.Flows.Select(f => f.Id));
    }

    [Fact]
    public async Task An_element_without_an_id_that_is_refused_is_named_by_its_line()
    {
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => _harness.Engine.DeployAsync(Process("unnamed", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" />
            <bpmn:sequenceFlow sourceRef="start" targetRef="review"><bpmn:conditionExpression>not an expression</bpmn:conditionExpression></bpmn:sequenceFlow>
            """)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((null, 10), (error.ElementId, error.Line));
        Assert.Contains("is not an expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_instance_collection_in_bpmns_own_form_is_read_as_camunda_reads_it()
    {
        var xml = Process("experts", """
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="assess">
              <bpmn:multiInstanceLoopCharacteristics>
                <bpmn:loopDataInputRef>experts</bpmn:loopDataInputRef>
                <bpmn:inputDataItem name="expert" />
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:userTask id="both">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}" camunda:elementVariable="reviewer">
                <bpmn:loopDataInputRef>ignored</bpmn:loopDataInputRef>
                <bpmn:inputDataItem name="ignoredToo" />
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """);

        var (document, errors) = BpmnParser.Parse(xml, int.MaxValue);

        Assert.Empty(errors);
        var nodes = document!.Processes[0].AllNodes;
        var assess = ((Activity)nodes["assess"]).MultiInstance!;
        Assert.Equal(("${experts}", "expert"), (assess.Collection!.Source, assess.ElementVariable));
        var both = ((Activity)nodes["both"]).MultiInstance!;
        Assert.Equal(("${reviewers}", "reviewer"), (both.Collection!.Source, both.ElementVariable));
    }

    [Fact]
    public void A_process_version_tag_a_start_initiator_and_a_call_binding_are_read()
    {
        var xml = Process("tagged", """
            <bpmn:startEvent id="start" camunda:initiator="applicant" />
            <bpmn:callActivity id="call" calledElement="child" camunda:calledElementBinding="version" camunda:calledElementVersion="${childVersion}" />
            """).Replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:versionTag=\"2026.1\"", StringComparison.Ordinal);

        var process = BpmnParser.Parse(xml, int.MaxValue).Document!.Processes[0];

        Assert.Equal("2026.1", process.VersionTag);
        Assert.Equal("applicant", Assert.IsType<StartEvent>(process.AllNodes["start"]).Initiator);
        var call = Assert.IsType<CallActivity>(process.AllNodes["call"]);
        Assert.Equal((CalledElementBinding.Version, "${childVersion}"), (call.Binding, call.CalledVersion!.Source));
    }
}
