import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import diagramCss from 'bpmn-js/dist/assets/diagram-js.css?inline';
import bpmnCss from 'bpmn-js/dist/assets/bpmn-js.css?inline';
import viewerCss from './diagram-viewer.css?inline';
import { currentLanguage } from '../i18n/language';
import { translateModule } from '../i18n/translate';
import { caseMarkersModule, type CaseMarkers, type DiagramState, type MarkedElements } from './case-markers';

export type { DiagramState, MarkedElements } from './case-markers';

export interface DiagramHandle {
  /** The element ids that were found and marked (an id from another version of the diagram is skipped). */
  marked: MarkedElements;
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
 * `brands-active`, the completed ones `brands-completed` and the sequence flows between them `brands-path`.
 */
export async function showDiagram(container: HTMLElement, xml: string, state: DiagramState = {}): Promise<DiagramHandle> {
  addStyles();
  const viewer = new NavigatedViewer({ container, additionalModules: [translateModule(currentLanguage()), caseMarkersModule] });
  await viewer.importXML(xml);
  const marked = (viewer.get('caseMarkers') as CaseMarkers).show(state);
  (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
  return { marked, destroy: () => viewer.destroy() };
}

function idList(value: string | undefined): string[] {
  const parsed: unknown = JSON.parse(value ?? '[]');
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The case view's diagram: reads the XML from `data-xml-url` (with the visitor's cookie) and the ids to mark from
 * `data-active` and `data-completed` (JSON arrays), shows it, and sets `data-ready` to `true` (or `error`, with the
 * reason shown in place of the diagram).
 */
export async function showCaseDiagram(container: HTMLElement): Promise<DiagramHandle | undefined> {
  try {
    const response = await fetch(container.dataset.xmlUrl ?? '', { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(`${response.status} ${response.statusText}`);
    }

    const handle = await showDiagram(container, await response.text(),
      { active: idList(container.dataset.active), completed: idList(container.dataset.completed) });
    container.dataset.ready = 'true';
    return handle;
  } catch (failure) {
    container.textContent = failure instanceof Error ? failure.message : String(failure);
    container.dataset.ready = 'error';
    return undefined;
  }
}
