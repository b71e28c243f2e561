import { describe, expect, it } from 'vitest';
import { renameForeignCamundaPrefix } from '../src/modeler/prefixes';

describe('renameForeignCamundaPrefix', () => {
  it('renames a camunda prefix bound to another namespace, in declarations, elements and attributes', () => {
    const xml = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://activiti.org/bpmn">'
      + '<process id="p"><userTask id="t" camunda:assignee="a"><extensionElements><camunda:formProperty id="f"/></extensionElements></userTask></process></definitions>';

    expect(renameForeignCamundaPrefix(xml)).toBe(
      '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda_foreign="http://activiti.org/bpmn">'
      + '<process id="p"><userTask id="t" camunda_foreign:assignee="a"><extensionElements><camunda_foreign:formProperty id="f"/></extensionElements></userTask></process></definitions>');
  });

  it("leaves a file that binds camunda to Camunda's namespace alone", () => {
    const xml = '<definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn"><process camunda:historyTimeToLive="1"/></definitions>';
    expect(renameForeignCamundaPrefix(xml)).toBe(xml);
  });

  it('leaves text that merely mentions camunda: alone', () => {
    const xml = '<definitions xmlns:camunda="http://activiti.org/bpmn"><documentation>see camunda:docs</documentation></definitions>';
    expect(renameForeignCamundaPrefix(xml)).toContain('<documentation>see camunda:docs</documentation>');
  });
});
