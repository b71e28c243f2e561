import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import EventBus from 'diagram-js/lib/core/EventBus';
import { ElementTemplatesCoreModule } from 'bpmn-js-element-templates/core';
import { describe, expect, it } from 'vitest';
import type { ElementTemplate } from '../src/templates/element-template';
import { loadTemplates } from '../src/templates/load-templates';

/** Templates in the format the host's ElementTemplateCatalog serves (GET /api/definitions/element-templates). */
const hostTemplates = JSON.parse(readFileSync(new URL('./fixtures/element-templates.json', import.meta.url), 'utf8')) as ElementTemplate[];

type Constructor = new (...args: unknown[]) => unknown;

interface Templates {
  getAll(element?: unknown): ElementTemplate[];
}

/** The panel's own element-template registry and loader (Camunda 7), on a real event bus and moddle. */
function createServices() {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const eventBus = new EventBus();
  const module = ElementTemplatesCoreModule as unknown as Record<'elementTemplates' | 'elementTemplatesLoader', [string, Constructor]>;
  const elementTemplates = new module.elementTemplates[1](null, eventBus, null, null, {}) as Templates;
  const loader = new module.elementTemplatesLoader[1](undefined, eventBus, elementTemplates, moddle);
  const services = { eventBus, elementTemplatesLoader: loader } as Record<string, unknown>;
  return { moddle: moddle as unknown as { create(type: string): unknown }, elementTemplates, modeler: { get: (name: string) => services[name] } };
}

describe('loadTemplates', () => {
  it('loads the host\'s templates without a refusal', () => {
    const { elementTemplates, modeler } = createServices();

    expect(loadTemplates(modeler, hostTemplates)).toEqual([]);
    expect(elementTemplates.getAll().map(template => template.name)).toEqual(['发送提醒邮件', '通知申请人']);
  });

  it('offers a topic template on service and send tasks, and not on a user task', () => {
    const { elementTemplates, modeler, moddle } = createServices();
    loadTemplates(modeler, hostTemplates);

    const names = (type: string) => elementTemplates.getAll(moddle.create(type)).map(template => template.id);

    expect(names('bpmn:ServiceTask')).toEqual(['brands.topic.reminder-email', 'brands.listener.notifyApplicant.end']);
    expect(names('bpmn:SendTask')).toContain('brands.topic.reminder-email');
    expect(names('bpmn:UserTask')).toEqual(['brands.listener.notifyApplicant.end']);
  });

  it('returns the reason for a template the schema refuses and loads the others', () => {
    const { elementTemplates, modeler } = createServices();
    const broken = { ...hostTemplates[0]!, id: 'broken', properties: [{ type: 'String', binding: { type: 'no-such-binding' } }] };

    const refused = loadTemplates(modeler, [broken, hostTemplates[1]!]);

    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/broken|binding/);
    expect(elementTemplates.getAll().map(template => template.id)).toEqual(['brands.listener.notifyApplicant.end']);
  });
});
