import type { TranslateFunction } from '../i18n/translate';
import type { ElementChange } from '../shared/api';

/** The words of a change kind as the list shows them. */
const kindLabels: Record<ElementChange['changeKind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/**
 * One line per changed element, as the server computed it against the previous version: "Changed 提醒 (Remind):
 * timerEventDefinition/timeCycle: R/P3D → R/P1D".
 */
export function describeChange(change: ElementChange, translate: TranslateFunction): string {
  const element = change.name ? `${change.name} (${change.elementId})` : change.elementId;
  const details = change.details.length > 0 ? `: ${change.details.join('; ')}` : '';
  return `${translate(kindLabels[change.changeKind])} ${translate(change.kind)} ${element}${details}`;
}

/** Lists what a deployment changed since the previous version, under the canvas. */
export function renderChangeList(list: HTMLElement, previousVersion: number | null | undefined, changes: ElementChange[], translate: TranslateFunction): void {
  list.replaceChildren();
  if (!previousVersion) {
    return;
  }

  const heading = document.createElement('li');
  heading.className = 'changes-heading';
  heading.textContent = changes.length === 0
    ? translate('No element changed since version {version}.', { version: previousVersion })
    : translate('Changed since version {version}:', { version: previousVersion });
  list.append(heading, ...changes.map(change => {
    const item = document.createElement('li');
    item.className = `change change-${change.changeKind}`;
    item.dataset.elementId = change.elementId;
    item.textContent = describeChange(change, translate);
    return item;
  }));
}
