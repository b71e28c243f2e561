import { elementKind, isEventSubProcess, localName, type ModdleElement } from './element-kind';
import type { SupportedElements } from './supported-elements';

/** The bpmnlint reporter a rule receives. */
export interface Reporter {
  report(id: string, message: string): void;
}

export interface LintRule {
  check(node: ModdleElement, reporter: Reporter): void;
}

/** Activities that hold flow elements of their own. */
const containers = new Set(['subProcess', 'transaction', 'adHocSubProcess']);

/**
 * bpmnlint rule `brands/supported-elements`: flags every flow node whose kind the server's validator refuses,
 * with the validator's own reason. It checks the processes the server checks: the executable ones, or all of
 * them when none is executable; it does not look inside a container it already flagged, as the server does not.
 */
export function supportedElementsRule(config: SupportedElements): LintRule {
  const supported = new Set(config.supported);

  function checkFlowElements(elements: ModdleElement[] | undefined, reporter: Reporter): void {
    for (const element of elements ?? []) {
      if (!isFlowNode(element)) {
        continue;
      }

      const kind = elementKind(element);
      if (!supported.has(kind)) {
        reporter.report(element.id ?? '', config.unsupported[kind] ?? `the engine does not execute ${kind}`);
        continue;
      }

      if (containers.has(localName(element.$type)) || isEventSubProcess(element)) {
        checkFlowElements(element.flowElements, reporter);
      }
    }
  }

  return {
    check(node, reporter) {
      if (localName(node.$type) !== 'definitions') {
        return;
      }

      const processes = (node.rootElements ?? []).filter(root => localName(root.$type) === 'process');
      const anyExecutable = processes.some(process => process.isExecutable === true);
      for (const process of processes) {
        if (process.isExecutable === true || !anyExecutable) {
          checkFlowElements(process.flowElements, reporter);
        }
      }
    },
  };
}

const flowNodeNames = new Set([
  'startEvent', 'endEvent', 'intermediateThrowEvent', 'intermediateCatchEvent', 'boundaryEvent', 'implicitThrowEvent',
  'task', 'userTask', 'manualTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask',
  'callActivity', 'subProcess', 'transaction', 'adHocSubProcess',
  'exclusiveGateway', 'inclusiveGateway', 'parallelGateway', 'complexGateway', 'eventBasedGateway',
  'callChoreography', 'subChoreography', 'choreographyTask',
]);

function isFlowNode(element: ModdleElement): boolean {
  return flowNodeNames.has(localName(element.$type));
}
