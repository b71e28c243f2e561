using Brands.Workflows.Persistence;
using Brands.Workflows.Tests.Support;
using Xunit;
using static Brands.Workflows.Tests.Support.Bpmn;

namespace Brands.Workflows.Tests.Parsing;

public sealed class BpmnValidationTests
{
    private readonly EngineHarness _harness = new(handlers: new RecordingHandler("send-mail"));

    private async Task<IReadOnlyList<ValidationError>> RefusedAsync(string xml)
    {
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => _harness.Engine.DeployAsync(xml));
        Assert.Empty(await _harness.Store.ListLatestDefinitionsAsync());
        return refused.Errors;
    }

    [Fact]
    public async Task Malformed_xml_is_refused_with_its_line()
    {
        var error = Assert.Single(await RefusedAsync("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"p\">\n</bpmn:definitions>"));
        Assert.Equal(3, error.Line);
        Assert.Contains("not well-formed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dtd_with_entity_expansion_is_refused_without_expanding_it()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol9;" /></definitions>
            """;
        var error = Assert.Single(await RefusedAsync(laughs));
        Assert.Contains("DTDs", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task An_external_entity_is_never_resolved()
    {
        var error = Assert.Single(await RefusedAsync("""
            <?xml version="1.0"?>
            <!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&secret;" /></definitions>
            """));
        Assert.Contains("DTDs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_parsing()
    {
        var harness = new EngineHarness(options: new WorkflowEngineOptions { MaxBpmnBytes = 10_000 });
        var huge = Process("big", $"<bpmn:documentation>{new string('x', 20_000)}</bpmn:documentation><bpmn:startEvent id=\"s\" />");
        var refused = await Assert.ThrowsAsync<BpmnValidationException>(() => harness.Engine.DeployAsync(huge));
        Assert.Contains("larger than the limit", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_with_element_id_and_line()
    {
        var errors = await RefusedAsync(Process("many", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="deadEnd" />
            <bpmn:serviceTask id="notify" camunda:type="external" camunda:topic="fax-machine" />
            <bpmn:userTask id="t" camunda:assignee="${applicant.name" />
            <bpmn:intermediateCatchEvent id="waitTwoWeeks"><bpmn:timerEventDefinition><bpmn:timeDuration>P-14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {{Flow("f1", "start", "deadEnd")}}
            {{Flow("f2", "t", "notify", "${amount >}")}}
            """));

        Assert.Contains(errors, e => e.ElementId == "deadEnd" && e.Message.Contains("no outgoing sequence flow", StringComparison.Ordinal) && e.Line == 9);
        Assert.Contains(errors, e => e.ElementId == "notify" && e.Message.Contains("no handler is registered for topic 'fax-machine'", StringComparison.Ordinal) && e.Line == 10);
        Assert.Contains(errors, e => e.ElementId == "t" && e.Message.Contains("no closing", StringComparison.Ordinal) && e.Line == 11);
        Assert.Contains(errors, e => e.ElementId == "waitTwoWeeks" && e.Message.Contains("is negative", StringComparison.Ordinal) && e.Line == 12);
        Assert.Contains(errors, e => e.ElementId == "f2" && e.Message.Contains("does not parse", StringComparison.Ordinal) && e.Line == 14);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public async Task Namespaces_are_matched_by_uri_whatever_the_prefix()
    {
        var xml = """
            <semantic:definitions xmlns:semantic="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:c="http://camunda.org/schema/1.0/bpmn" id="d">
              <semantic:process id="prefixed" isExecutable="true">
                <semantic:startEvent id="s" />
                <semantic:userTask id="t" c:assignee="li.wei" />
                <semantic:sequenceFlow id="f" sourceRef="s" targetRef="t" />
              </semantic:process>
            </semantic:definitions>
            """;
        var deployed = await _harness.Engine.DeployAsync(xml);
        var started = await _harness.Engine.StartAsync("prefixed", null, null, null);
        Assert.Equal("li.wei", Assert.Single(await _harness.TasksAsync(started.Id)).Assignee);
        Assert.Equal("prefixed", deployed.Definitions[0].Key);
    }

    [Fact]
    public async Task Another_engines_extension_attributes_are_named_even_under_the_camunda_prefix()
    {
        var errors = await RefusedAsync("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://activiti.org/bpmn" id="d">
              <process id="activiti" isExecutable="true">
                <startEvent id="s" />
                <userTask id="t" camunda:assignee="demo" />
                <sequenceFlow id="f" sourceRef="s" targetRef="t" />
              </process>
            </definitions>
            """);
        var error = Assert.Single(errors);
        Assert.Equal("t", error.ElementId);
        Assert.Contains("Activiti", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_bpmn_is_refused()
    {
        var error = Assert.Single(await RefusedAsync("<html><body>hello</body></html>"));
        Assert.Contains("not BPMN 2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_an_executable_process_is_refused_and_checked_whole()
    {
        var errors = await RefusedAsync(Process("draft", """
            <bpmn:startEvent id="s"><bpmn:messageEventDefinition /></bpmn:startEvent>
            """).Replace("isExecutable=\"true\"", "isExecutable=\"false\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("isExecutable", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ElementId == "s" && e.Message.Contains("message", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:startEvent id="s" />""", "used more than once")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:serviceTask id="java" camunda:class="org.example.Delegate" />""", "camunda:type=\"external\"")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:userTask id="t"><bpmn:extensionElements><camunda:taskListener event="create" class="x" /></bpmn:extensionElements></bpmn:userTask>""", "names Java code")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:scriptTask id="groovy" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""", "groovy")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:userTask id="t"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""", "standard loops")]
    [InlineData("""<bpmn:userTask id="t" />""", "no start event")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="nowhere" />""", "'nowhere'")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:callActivity id="c" calledElement="not-deployed" />""", "not deployed")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:userTask id="t"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>""", "loopCardinality, camunda:collection or loopDataInputRef")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:userTask id="t"><bpmn:extensionElements><camunda:failedJobRetryTimeCycle>often</camunda:failedJobRetryTimeCycle></bpmn:extensionElements></bpmn:userTask>""", "R<n>/")]
    [InlineData("""<bpmn:startEvent id="s" /><bpmn:subProcess id="esp" triggeredByEvent="true" />""", "an event sub-process needs exactly one start event")]
    public async Task Unsupported_or_broken_content_is_named(string content, string expected)
    {
        var errors = await RefusedAsync(Process("broken", content));
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line > 0);
    }

    [Fact]
    public async Task Vendor_extensions_that_do_not_change_execution_are_kept_and_ignored()
    {
        var xml = Process("decorated", """
            <bpmn:startEvent id="s" xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" color:background-color="#fff">
              <bpmn:extensionElements><camunda:properties><camunda:property name="owner" value="national" /></camunda:properties><x:meta xmlns:x="urn:example">free text</x:meta></bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
            """);
        var deployed = await _harness.Engine.DeployAsync(xml);
        var definition = await _harness.Store.GetDefinitionAsync(deployed.Definitions[0].Id);
        Assert.Equal(xml, definition!.Xml);
        Assert.Equal(InstanceStatus.Completed, (await _harness.Engine.StartAsync("decorated", null, null, null)).Status);
    }

    [Fact]
    public async Task Only_the_refused_element_is_named_not_its_neighbours()
    {
        var errors = await RefusedAsync(Process("knock-on", $$"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="toWait" />
            <bpmn:complexGateway id="wait" />
            <bpmn:boundaryEvent id="late" attachedToRef="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {{Flow("f1", "start", "gw")}}
            {{Flow("toWait", "gw", "wait")}}
            """));
        Assert.Equal(["wait"], errors.Select(e => e.ElementId));
    }
}
