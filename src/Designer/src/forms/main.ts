import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { currentLanguage, rememberLanguage } from '../i18n/language';
import { createTranslate } from '../i18n/translate';
import { showForm, type FormHandle } from '../form-viewer/form-viewer';
import '../modeler/designer.css';
import './forms.css';
import { fetchForm, listForms, saveForm } from './form-api';
import { formIdPattern, newFormSchema, type FormSchema } from './form-schema';

const language = currentLanguage();
const translate = createTranslate(language);
document.documentElement.lang = language;
document.title = `${translate('Form editor')} · Brands.Workflow`;

const header = document.getElementById('toolbar')!;
header.innerHTML = `
  <h1 class="toolbar-title">${translate('Form editor')}</h1>
  <div class="toolbar-group">
    <select id="form-select" aria-label="${translate('Choose a form')}"><option value="">${translate('Choose a form')}</option></select>
    <button id="open-form-button" type="button">${translate('Open')}</button>
  </div>
  <div class="toolbar-group">
    <input id="form-id-input" type="text" placeholder="${translate('Form id')}" aria-label="${translate('Form id')}" />
    <button id="new-form-button" type="button">${translate('New form')}</button>
  </div>
  <div class="toolbar-group">
    <button id="preview-button" type="button">${translate('Preview')}</button>
    <button id="save-form-button" type="button" class="primary">${translate('Save')}</button>
  </div>
  <div class="toolbar-group toolbar-end">
    <a href="/designer">${translate('Process designer')}</a>
    <select id="language-select" aria-label="${translate('Language')}">
      <option value="zh-CN"${language === 'zh-CN' ? ' selected' : ''}>中文</option>
      <option value="en"${language === 'en' ? ' selected' : ''}>English</option>
    </select>
  </div>`;
const get = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const formSelect = get<HTMLSelectElement>('form-select');
const formIdInput = get<HTMLInputElement>('form-id-input');
const status = get<HTMLParagraphElement>('status');
const workspace = document.querySelector<HTMLElement>('.form-workspace')!;
const preview = get<HTMLElement>('form-preview');
const previewCanvas = get<HTMLElement>('form-preview-canvas');
get('preview-title').textContent = translate('Preview: the form as staff will see it');

const editor = new FormEditor({ container: get('form-editor') });
let previewHandle: FormHandle | undefined;

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.className = kind;
}

async function open(schema: FormSchema): Promise<void> {
  await editor.importSchema(schema);
  formIdInput.value = schema.id;
  await refreshPreview();
}

async function loadForms(): Promise<void> {
  const forms = await listForms();
  formSelect.replaceChildren(new Option(translate('Choose a form'), ''),
    ...forms.map(f => new Option(translate('{id} (version {version})', { id: f.id, version: f.version }), f.id)));
}

async function refreshPreview(): Promise<void> {
  if (preview.hidden) {
    return;
  }

  previewHandle?.destroy();
  previewCanvas.replaceChildren();
  previewHandle = await showForm(previewCanvas, editor.saveSchema());
}

async function save(): Promise<void> {
  const schema = editor.saveSchema() as FormSchema;
  const outcome = await saveForm(schema);
  if (!outcome.ok) {
    say(translate('The server refused the form: {detail}', { detail: outcome.detail }), 'error');
    return;
  }

  say(outcome.created
    ? translate('Saved {id} version {version}.', { id: outcome.id, version: outcome.version })
    : translate('{id} is unchanged: version {version} is already saved.', { id: outcome.id, version: outcome.version }));
  await loadForms();
  formSelect.value = outcome.id;
}

/** Runs a toolbar action, turning a failure into a message rather than an unhandled rejection. */
function act(action: () => Promise<void>): () => void {
  return () => {
    action().catch((failure: unknown) => say(String(failure instanceof Error ? failure.message : failure), 'error'));
  };
}

get('open-form-button').addEventListener('click', act(async () => {
  if (formSelect.value) {
    await open(await fetchForm(formSelect.value));
    say(translate('Opened {id}.', { id: formSelect.value }));
  }
}));
get('new-form-button').addEventListener('click', act(async () => {
  const id = formIdInput.value.trim();
  if (!formIdPattern.test(id)) {
    say(translate('A form id is 1 to 100 letters, digits, _, - or ., starting with a letter or _.'), 'error');
    return;
  }

  await open(newFormSchema(id));
  say(translate('New form {id}: drag fields from the left.', { id }));
}));
get('save-form-button').addEventListener('click', act(save));
get('preview-button').addEventListener('click', act(async () => {
  preview.hidden = !preview.hidden;
  workspace.classList.toggle('previewing', !preview.hidden);
  await refreshPreview();
}));
get<HTMLSelectElement>('language-select').addEventListener('change', event => {
  rememberLanguage((event.target as HTMLSelectElement).value === 'en' ? 'en' : 'zh-CN');
  window.location.reload();
});
editor.on('changed', () => { refreshPreview().catch(() => undefined); });

async function start(): Promise<void> {
  await open(newFormSchema('Form_1'));
  formIdInput.value = '';
  await loadForms();
  document.body.dataset.ready = 'true';
}

/** For scripted use (and the browser tests): the editor and the page's save. */
Object.assign(window, { brandsForms: { editor, save } });

start().catch((failure: unknown) => say(String(failure), 'error'));
