import { describe, expect, it } from 'vitest';
import { activeMarker, CaseMarkers, completedMarker, pathFlowIds, pathMarker, type DiagramElement } from '../src/viewer/case-markers';

/** start → review → gateway → (approve | reject) → end, as bpmn-js registers them. */
const elements: DiagramElement[] = [
  { id: 'start', type: 'bpmn:StartEvent' },
  { id: 'review', type: 'bpmn:UserTask' },
  { id: 'gateway', type: 'bpmn:ExclusiveGateway' },
  { id: 'approve', type: 'bpmn:UserTask' },
  { id: 'reject', type: 'bpmn:UserTask' },
  { id: 'end', type: 'bpmn:EndEvent' },
  { id: 'f1', type: 'bpmn:SequenceFlow', source: { id: 'start' }, target: { id: 'review' } },
  { id: 'f2', type: 'bpmn:SequenceFlow', source: { id: 'review' }, target: { id: 'gateway' } },
  { id: 'toApprove', type: 'bpmn:SequenceFlow', source: { id: 'gateway' }, target: { id: 'approve' } },
  { id: 'toReject', type: 'bpmn:SequenceFlow', source: { id: 'gateway' }, target: { id: 'reject' } },
  { id: 'f5', type: 'bpmn:SequenceFlow', source: { id: 'approve' }, target: { id: 'end' } },
];

function fakeDiagram(): { markers: Map<string, string[]>; caseMarkers: CaseMarkers } {
  const markers = new Map<string, string[]>();
  const canvas = { addMarker: (id: string, marker: string) => markers.set(id, [...(markers.get(id) ?? []), marker]) };
  const registry = {
    get: (id: string) => elements.find(element => element.id === id),
    filter: (predicate: (element: DiagramElement) => boolean) => elements.filter(predicate),
  };
  return { markers, caseMarkers: new CaseMarkers(canvas, registry) };
}

describe('pathFlowIds', () => {
  it('marks the flows between elements the case left and the one it waits in', () => {
    expect(pathFlowIds(elements, ['start', 'review', 'gateway'], ['approve'])).toEqual(['f1', 'f2', 'toApprove']);
  });

  it('leaves the branch the gateway did not take unmarked', () => {
    expect(pathFlowIds(elements, ['start', 'review', 'gateway'], ['approve'])).not.toContain('toReject');
  });

  it('marks nothing before the case has left an element', () => {
    expect(pathFlowIds(elements, [], ['start'])).toEqual([]);
  });
});

describe('CaseMarkers', () => {
  it('marks active and completed elements and the path, and reports what it found', () => {
    const { markers, caseMarkers } = fakeDiagram();

    const marked = caseMarkers.show({ active: ['approve'], completed: ['start', 'review', 'gateway'] });

    expect(marked).toEqual({ active: ['approve'], completed: ['start', 'review', 'gateway'], path: ['f1', 'f2', 'toApprove'] });
    expect(markers.get('approve')).toEqual([activeMarker]);
    expect(markers.get('review')).toEqual([completedMarker]);
    expect(markers.get('toApprove')).toEqual([pathMarker]);
    expect(markers.has('toReject')).toBe(false);
  });

  it('skips ids the diagram does not have (another version of the process)', () => {
    const { markers, caseMarkers } = fakeDiagram();

    const marked = caseMarkers.show({ active: ['gone'], completed: ['start', 'removed'] });

    expect(marked).toEqual({ active: [], completed: ['start'], path: [] });
    expect(markers.has('gone')).toBe(false);
  });
});
