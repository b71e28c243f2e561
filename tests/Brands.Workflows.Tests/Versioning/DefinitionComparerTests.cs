using Brands.Workflows.Versioning;
using Xunit;

namespace Brands.Workflows.Tests.Versioning;

public sealed class DefinitionComparerTests
{
    private static string Reminder(string cycle, string extra = "") => $"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
          <bpmn:process id="remind" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="Review" name="Review" camunda:assignee="admin"><bpmn:incoming>F1</bpmn:incoming></bpmn:userTask>
            <bpmn:boundaryEvent id="Remind" attachedToRef="Review" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeCycle>{cycle}</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            {extra}
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public void A_changed_reminder_interval_is_named_with_its_old_and_new_value()
    {
        var changes = DefinitionComparer.Compare(Reminder("R/P3D"), Reminder("R/P1D"), "remind");

        var change = Assert.Single(changes);
        Assert.Equal(("Remind", "boundaryEvent", ElementChangeKind.Changed), (change.ElementId, change.Kind, change.Change));
        Assert.Equal(["timerEventDefinition/timeCycle: R/P3D → R/P1D"], change.Details);
    }

    [Fact]
    public void Identical_processes_have_no_changes_and_the_diagram_is_not_compared()
    {
        var withDiagram = Reminder("R/P3D").Replace("</bpmn:definitions>", "<bpmndi:BPMNDiagram xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" id=\"x\" /></bpmn:definitions>", StringComparison.Ordinal);

        Assert.Empty(DefinitionComparer.Compare(Reminder("R/P3D"), withDiagram, "remind"));
    }

    [Fact]
    public void Elements_inside_a_sub_process_are_compared_on_their_own_and_removed_ones_come_last()
    {
        var before = Reminder("R/P3D", """<bpmn:subProcess id="Sub"><bpmn:task id="Inner" name="Old" /></bpmn:subProcess>""");
        var after = Reminder("R/P3D", """<bpmn:subProcess id="Sub"><bpmn:task id="Inner" name="New" /><bpmn:task id="Added" /></bpmn:subProcess>""")
            .Replace("<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Review\" />", "", StringComparison.Ordinal);

        var changes = DefinitionComparer.Compare(before, after, "remind");

        Assert.Equal(["Changed Inner name: Old → New", "Added Added ", "Removed F1 "],
            changes.Select(c => $"{c.Change} {c.ElementId} {string.Join("; ", c.Details)}"));
    }

    [Fact]
    public void A_file_that_is_not_xml_is_refused_with_its_line()
    {
        var refused = Assert.Throws<BpmnValidationException>(() => DefinitionComparer.Compare(Reminder("R/P3D"), "<bpmn:definitions", "remind"));

        Assert.NotNull(Assert.Single(refused.Errors).Line);
    }
}
