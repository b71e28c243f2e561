/**
 * The "kind" of a BPMN flow node, in the notation the server's list of supported elements uses
 * (GET /api/definitions/supported-elements, README "The designer"):
 *
 *   userTask, exclusiveGateway, eventSubProcess, receiveTask/message,
 *   startEvent, startEvent/timer, endEvent/terminate, intermediateCatchEvent/message,
 *   boundaryEvent/timer/non-interrupting, eventSubProcessStartEvent/error, …/multiple
 *
 * It is the element's BPMN local name, then its event definition (or `multiple` for several), then
 * `non-interrupting` for boundary events and event sub-process starts that do not interrupt.
 */

/** The parts of a bpmn-moddle element the kind depends on. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  triggeredByEvent?: boolean;
  isInterrupting?: boolean;
  cancelActivity?: boolean;
  messageRef?: unknown;
  eventDefinitions?: ModdleElement[];
  flowElements?: ModdleElement[];
  rootElements?: ModdleElement[];
  isExecutable?: boolean;
}

const eventTypes = new Set(['startEvent', 'endEvent', 'intermediateThrowEvent', 'intermediateCatchEvent', 'boundaryEvent']);

/** `bpmn:UserTask` → `userTask`. */
export function localName(type: string): string {
  const name = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `bpmn:TimerEventDefinition` → `timer`. */
export function definitionName(type: string): string {
  return localName(type).replace(/EventDefinition$/, '');
}

export function isEventSubProcess(element: ModdleElement | undefined): boolean {
  return element !== undefined && localName(element.$type) === 'subProcess' && element.triggeredByEvent === true;
}

export function elementKind(element: ModdleElement): string {
  const name = localName(element.$type);
  if (name === 'subProcess') {
    return element.triggeredByEvent === true ? 'eventSubProcess' : 'subProcess';
  }

  if (name === 'receiveTask') {
    return element.messageRef ? 'receiveTask/message' : 'receiveTask';
  }

  if (!eventTypes.has(name)) {
    return name;
  }

  const inEventSubProcess = name === 'startEvent' && isEventSubProcess(element.$parent);
  const parts = [inEventSubProcess ? 'eventSubProcessStartEvent' : name];
  const definitions = element.eventDefinitions ?? [];
  if (definitions.length === 1) {
    parts.push(definitionName(definitions[0]!.$type));
  } else if (definitions.length > 1) {
    parts.push('multiple');
  }

  const nonInterrupting = (name === 'boundaryEvent' && element.cancelActivity === false)
    || (inEventSubProcess && element.isInterrupting === false);
  if (nonInterrupting) {
    parts.push('non-interrupting');
  }

  return parts.join('/');
}
