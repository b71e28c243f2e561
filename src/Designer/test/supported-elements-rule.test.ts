import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import { describe, expect, it } from 'vitest';
import { elementKind, type ModdleElement } from '../src/lint/element-kind';
import { createLinterConfig, supportedElementsRuleName } from '../src/lint/lint-config';
import type { SupportedElements } from '../src/lint/supported-elements';

/** A list shaped like the server's answer; the real one is checked against the server in the browser tests. */
const supported: SupportedElements = {
  supported: ['startEvent', 'endEvent', 'userTask', 'subProcess', 'exclusiveGateway', 'boundaryEvent/error', 'endEvent/terminate'],
  unsupported: {
    complexGateway: 'complex gateways are not supported',
    'boundaryEvent/timer/non-interrupting': 'boundary events with a timer event definition are not supported yet; error boundary events are',
    transaction: 'transaction sub-processes are not supported',
  },
};

const head = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">';

async function read(xml: string): Promise<ModdleElement> {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  return rootElement as unknown as ModdleElement;
}

async function lint(body: string): Promise<{ id: string; message: string }[]> {
  const config = createLinterConfig(supported);
  const linter = new Linter({ config: config.config, resolver: config.resolver });
  const results = await linter.lint(await read(`${head}${body}</definitions>`)) as Record<string, { id: string; message: string }[]>;
  return (results[supportedElementsRuleName] ?? []).map(({ id, message }) => ({ id, message }));
}

function process(content: string, executable = true, id = 'p'): string {
  return `<process id="${id}" isExecutable="${executable}">${content}</process>`;
}

describe('brands/supported-elements', () => {
  it('passes a process of supported elements', async () => {
    expect(await lint(process('<startEvent id="s"/><userTask id="t"/><exclusiveGateway id="g"/><endEvent id="e"/>'))).toEqual([]);
  });

  it("flags an unsupported element with the server's reason", async () => {
    expect(await lint(process('<startEvent id="s"/><complexGateway id="g"/>'))).toEqual([
      { id: 'g', message: 'complex gateways are not supported' },
    ]);
  });

  it('flags a kind the server never mentioned, naming it', async () => {
    expect(await lint(process('<scriptTask id="x"/>'))).toEqual([{ id: 'x', message: 'the engine does not execute scriptTask' }]);
  });

  it('tells an interrupting error boundary (supported) from a non-interrupting timer boundary (not)', async () => {
    const body = process(`<userTask id="t"/>
      <boundaryEvent id="err" attachedToRef="t"><errorEventDefinition/></boundaryEvent>
      <boundaryEvent id="tim" attachedToRef="t" cancelActivity="false"><timerEventDefinition/></boundaryEvent>`);
    expect((await lint(body)).map(issue => issue.id)).toEqual(['tim']);
  });

  it('checks inside sub-processes', async () => {
    expect((await lint(process('<subProcess id="sp"><complexGateway id="inner"/></subProcess>'))).map(i => i.id)).toEqual(['inner']);
  });

  it('does not look inside a container it flagged, as the server does not', async () => {
    expect((await lint(process('<transaction id="tx"><complexGateway id="inner"/></transaction>'))).map(i => i.id)).toEqual(['tx']);
  });

  it('skips non-executable processes next to an executable one, as the server does', async () => {
    const body = process('<userTask id="t"/>', true, 'p1') + process('<complexGateway id="g"/>', false, 'p2');
    expect(await lint(body)).toEqual([]);
  });

  it('checks every process when none is executable', async () => {
    expect((await lint(process('<complexGateway id="g"/>', false))).map(i => i.id)).toEqual(['g']);
  });
});

describe('elementKind', () => {
  async function kindOf(body: string, id: string): Promise<string> {
    const definitions = await read(`${head}<message id="m" name="m"/>${process(body)}</definitions>`);
    const find = (elements: ModdleElement[] | undefined): ModdleElement | undefined => {
      for (const element of elements ?? []) {
        if (element.id === id) {
          return element;
        }

        const inner = find(element.flowElements);
        if (inner) {
          return inner;
        }
      }

      return undefined;
    };
    return elementKind(find(definitions.rootElements![1]!.flowElements)!);
  }

  it.each([
    ['<userTask id="x"/>', 'userTask'],
    ['<startEvent id="x"/>', 'startEvent'],
    ['<startEvent id="x"><timerEventDefinition/></startEvent>', 'startEvent/timer'],
    ['<endEvent id="x"><terminateEventDefinition/></endEvent>', 'endEvent/terminate'],
    ['<intermediateCatchEvent id="x"><messageEventDefinition/><timerEventDefinition/></intermediateCatchEvent>', 'intermediateCatchEvent/multiple'],
    ['<userTask id="t"/><boundaryEvent id="x" attachedToRef="t" cancelActivity="false"><messageEventDefinition/></boundaryEvent>', 'boundaryEvent/message/non-interrupting'],
    ['<userTask id="t"/><boundaryEvent id="x" attachedToRef="t"><errorEventDefinition/></boundaryEvent>', 'boundaryEvent/error'],
    ['<subProcess id="x" triggeredByEvent="true"/>', 'eventSubProcess'],
    ['<subProcess id="e" triggeredByEvent="true"><startEvent id="x" isInterrupting="false"><timerEventDefinition/></startEvent></subProcess>', 'eventSubProcessStartEvent/timer/non-interrupting'],
    ['<subProcess id="e" triggeredByEvent="true"><startEvent id="x"><errorEventDefinition/></startEvent></subProcess>', 'eventSubProcessStartEvent/error'],
    ['<receiveTask id="x" messageRef="m"/>', 'receiveTask/message'],
  ])('%s is %s', async (body, kind) => {
    expect(await kindOf(body, 'x')).toBe(kind);
  });
});
