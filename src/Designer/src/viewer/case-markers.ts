/** Which elements of a case to highlight: where it waits now, and where it has been. */
export interface DiagramState {
  active?: string[];
  completed?: string[];
}

/** The ids marked on the diagram; an id from another version of the diagram is skipped. */
export interface MarkedElements {
  active: string[];
  completed: string[];
  /** Sequence flows on the path the case has taken (derived, see {@link pathFlowIds}). */
  path: string[];
}

/** The little of a diagram-js element these markers read. */
export interface DiagramElement {
  id: string;
  type: string;
  source?: { id: string };
  target?: { id: string };
}

interface Canvas {
  addMarker(id: string, marker: string): void;
}

interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  filter(predicate: (element: DiagramElement) => boolean): DiagramElement[];
}

export const activeMarker = 'brands-active';
export const completedMarker = 'brands-completed';
export const pathMarker = 'brands-path';

/**
 * The sequence flows the case has travelled: from an element it has left to one it reached (left too, or is in
 * now). The history records elements, not flows, so a flow counts when both its ends were visited; of a gateway's
 * branches, only the one whose target was entered.
 */
export function pathFlowIds(elements: DiagramElement[], completed: string[], active: string[]): string[] {
  const left = new Set(completed);
  const reached = new Set([...completed, ...active]);
  return elements
    .filter(element => element.type === 'bpmn:SequenceFlow'
      && element.source !== undefined && left.has(element.source.id)
      && element.target !== undefined && reached.has(element.target.id))
    .map(element => element.id);
}

/** Marks a case's state on a diagram: active elements, completed elements and the completed path between them. */
export class CaseMarkers {
  static $inject = ['canvas', 'elementRegistry'];

  constructor(private readonly canvas: Canvas, private readonly registry: ElementRegistry) {}

  show(state: DiagramState): MarkedElements {
    const mark = (ids: string[], marker: string): string[] => {
      const found = ids.filter(id => this.registry.get(id) !== undefined);
      found.forEach(id => this.canvas.addMarker(id, marker));
      return found;
    };

    const completed = mark(state.completed ?? [], completedMarker);
    const active = mark(state.active ?? [], activeMarker);
    const path = mark(pathFlowIds(this.registry.filter(() => true), completed, active), pathMarker);
    return { active, completed, path };
  }
}

/** The diagram-js module: `viewer.get('caseMarkers').show(state)`. */
export const caseMarkersModule = {
  caseMarkers: ['type', CaseMarkers],
};
