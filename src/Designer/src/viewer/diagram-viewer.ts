import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import diagramCss from 'bpmn-js/dist/assets/diagram-js.css?inline';
import bpmnCss from 'bpmn-js/dist/assets/bpmn-js.css?inline';
import viewerCss from './diagram-viewer.css?inline';
import { currentLanguage } from '../i18n/language';
import { translateModule } from '../i18n/translate';

/** Which elements of a case to highlight: where it waits now, and where it has been. */
export interface DiagramState {
  active?: string[];
  completed?: string[];
}

export interface DiagramHandle {
  /** The element ids that were found and marked (an id from another version of the diagram is skipped). */
  marked: { active: string[]; completed: string[] };
  destroy(): void;
}

let stylesAdded = false;

/** The viewer is used on other pages (the case view), so it brings its own styles rather than relying on a link. */
function addStyles(): void {
  if (!stylesAdded) {
    const style = document.createElement('style');
    style.textContent = `${diagramCss}\n${bpmnCss}\n${viewerCss}`;
    document.head.append(style);
    stylesAdded = true;
  }
}

/**
 * Shows a BPMN diagram read-only (pan and zoom) in `container`, fitted to it, with the active elements marked
 * `brands-active` and the completed ones `brands-completed`.
 */
export async function showDiagram(container: HTMLElement, xml: string, state: DiagramState = {}): Promise<DiagramHandle> {
  addStyles();
  const viewer = new NavigatedViewer({ container, additionalModules: [translateModule(currentLanguage())] });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas') as { addMarker(id: string, marker: string): void; zoom(level: string): void };
  const registry = viewer.get('elementRegistry') as { get(id: string): unknown };
  const mark = (ids: string[] | undefined, marker: string): string[] => {
    const found = (ids ?? []).filter(id => registry.get(id) !== undefined);
    found.forEach(id => canvas.addMarker(id, marker));
    return found;
  };

  const marked = { completed: mark(state.completed, 'brands-completed'), active: mark(state.active, 'brands-active') };
  canvas.zoom('fit-viewport');
  return { marked, destroy: () => viewer.destroy() };
}
