import type { Language } from '../i18n/language';
import type { TranslateFunction } from '../i18n/translate';

/** The controls of the toolbar, by what they do. */
export interface ToolbarElements {
  definition: HTMLSelectElement;
  version: HTMLSelectElement;
  open: HTMLButtonElement;
  migrate: HTMLButtonElement;
  newDiagram: HTMLButtonElement;
  upload: HTMLInputElement;
  download: HTMLButtonElement;
  deploy: HTMLButtonElement;
  undo: HTMLButtonElement;
  redo: HTMLButtonElement;
  simulation: HTMLButtonElement;
  minimap: HTMLButtonElement;
  language: HTMLSelectElement;
}

/** Renders the lifecycle toolbar into the header; behaviour is wired by the page. */
export function renderToolbar(header: HTMLElement, translate: TranslateFunction, language: Language): ToolbarElements {
  header.innerHTML = `
    <h1 class="toolbar-title">${translate('Designer')}</h1>
    <div class="toolbar-group">
      <select id="definition-select" aria-label="${translate('Choose a process')}"><option value="">${translate('Choose a process')}</option></select>
      <select id="version-select" aria-label="${translate('Version {version}', { version: '' }).trim()}"><option value="">${translate('Latest version')}</option></select>
      <button id="open-button" type="button">${translate('Open')}</button>
      <button id="migrate-button" type="button">${translate('Migrate running cases')}</button>
    </div>
    <div class="toolbar-group">
      <button id="new-button" type="button">${translate('New diagram')}</button>
      <label class="upload-button">${translate('Upload .bpmn')}<input id="upload-input" type="file" accept=".bpmn,.xml,application/xml,text/xml" /></label>
      <button id="download-button" type="button">${translate('Download .bpmn')}</button>
      <button id="deploy-button" type="button" class="primary">${translate('Deploy')}</button>
    </div>
    <div class="toolbar-group">
      <button id="undo-button" type="button" title="Ctrl+Z">${translate('Undo')}</button>
      <button id="redo-button" type="button" title="Ctrl+Y">${translate('Redo')}</button>
      <button id="simulation-button" type="button" title="T">${translate('Token simulation')}</button>
      <button id="minimap-button" type="button">${translate('Minimap')}</button>
    </div>
    <div class="toolbar-group toolbar-end">
      <select id="language-select" aria-label="${translate('Language')}">
        <option value="zh-CN"${language === 'zh-CN' ? ' selected' : ''}>中文</option>
        <option value="en"${language === 'en' ? ' selected' : ''}>English</option>
      </select>
    </div>`;
  const get = <T extends HTMLElement>(id: string): T => header.querySelector<T>(`#${id}`)!;
  return {
    definition: get('definition-select'),
    version: get('version-select'),
    open: get('open-button'),
    migrate: get('migrate-button'),
    newDiagram: get('new-button'),
    upload: get('upload-input'),
    download: get('download-button'),
    deploy: get('deploy-button'),
    undo: get('undo-button'),
    redo: get('redo-button'),
    simulation: get('simulation-button'),
    minimap: get('minimap-button'),
    language: get('language-select'),
  };
}
