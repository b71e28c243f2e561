import type { TranslateFunction } from '../i18n/translate';
import type { BpmnError } from '../shared/api';

/** The parts of the modeler's services this view needs. */
export interface ProblemServices {
  overlays: { add(elementId: string, type: string, overlay: { position: object; html: HTMLElement }): string; remove(filter: { type: string }): void };
  canvas: { addMarker(elementId: string, marker: string): void; removeMarker(elementId: string, marker: string): void };
  elementRegistry: { get(id: string): unknown };
  selection: { select(element: unknown): void };
}

const overlayType = 'brands-server-error';
const marker = 'brands-server-error';

/**
 * The server's verdict on a file, shown where the administrator looks: a red marker and a badge on each element the
 * server named, and the full list (element, line, message) under the canvas; clicking an entry selects its element.
 */
export class ProblemView {
  private marked: string[] = [];

  constructor(private readonly services: ProblemServices, private readonly list: HTMLElement, private readonly translate: TranslateFunction) {}

  clear(): void {
    this.services.overlays.remove({ type: overlayType });
    for (const id of this.marked) {
      this.services.canvas.removeMarker(id, marker);
    }

    this.marked = [];
    this.list.replaceChildren();
  }

  show(errors: BpmnError[]): void {
    this.clear();
    const byElement = new Map<string, BpmnError[]>();
    for (const error of errors) {
      const item = document.createElement('li');
      item.className = 'problem';
      const where = [error.elementId, error.line ? this.translate('line {line}', { line: error.line }) : undefined].filter(Boolean).join(', ');
      item.textContent = where ? `${where}: ${error.message}` : error.message;
      const element = error.elementId ? this.services.elementRegistry.get(error.elementId) : undefined;
      if (element && error.elementId) {
        item.dataset.elementId = error.elementId;
        item.classList.add('problem-on-element');
        item.addEventListener('click', () => this.services.selection.select(element));
        byElement.set(error.elementId, [...byElement.get(error.elementId) ?? [], error]);
      }

      this.list.append(item);
    }

    for (const [elementId, elementErrors] of byElement) {
      this.services.canvas.addMarker(elementId, marker);
      this.marked.push(elementId);
      const badge = document.createElement('div');
      badge.className = 'brands-error-badge';
      badge.dataset.elementId = elementId;
      badge.textContent = String(elementErrors.length);
      badge.title = elementErrors.map(e => e.message).join('\n');
      this.services.overlays.add(elementId, overlayType, { position: { top: -10, left: -10 }, html: badge });
    }
  }
}
