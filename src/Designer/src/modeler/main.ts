import { Linter } from 'bpmnlint';
import { currentLanguage, rememberLanguage, type Language } from '../i18n/language';
import { createTranslate } from '../i18n/translate';
import { createLinterConfig } from '../lint/lint-config';
import type { SupportedElements } from '../lint/supported-elements';
import * as api from '../shared/api';
import { createModeler } from './create-modeler';
import { renderChangeList } from './change-list';
import { checkUploadedText } from './file-check';
import { newDiagramXml } from './new-diagram';
import { renameForeignCamundaPrefix } from './prefixes';
import type { DeployedForms } from '../panel/deployed-forms';
import type { ElementTemplate } from '../templates/element-template';
import { loadTemplates, type TemplateServices } from '../templates/load-templates';
import { ProblemView, type ProblemServices } from './problems';
import { MigrationDialog } from './migration-dialog';
import { renderToolbar } from './toolbar';
import './designer.css';

/** Where the diagram waits while the page reloads in the other language. */
const pendingXmlKey = 'brands.designer.pendingXml';

const language = currentLanguage();
const translate = createTranslate(language);
document.documentElement.lang = language;
document.title = `${translate('Designer')} · Brands.Workflow`;

const modeler = createModeler(document.getElementById('canvas')!, document.getElementById('properties')!, language);
const toolbar = renderToolbar(document.getElementById('toolbar')!, translate, language);
const status = document.getElementById('status')!;
const changeList = document.getElementById('changes')!;

/**
 * The process this diagram was opened from and the latest version the administrator saw of it: a deploy sends it, so
 * a version someone else deployed meanwhile is not silently overtaken (the server answers 409). Null for a new or
 * uploaded diagram.
 */
let basedOn: { key: string; version: number } | null = null;
const problems = new ProblemView({
  overlays: modeler.get('overlays'),
  canvas: modeler.get('canvas'),
  elementRegistry: modeler.get('elementRegistry'),
  selection: modeler.get('selection'),
} as ProblemServices, document.getElementById('problems')!, translate);

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.className = kind;
}

/** Imports a diagram; returns false (and says why) when bpmn-js cannot read it. */
async function importXml(xml: string): Promise<boolean> {
  problems.clear();
  changeList.replaceChildren();
  try {
    const { warnings } = await modeler.importXML(renameForeignCamundaPrefix(xml));
    (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    if (warnings.length > 0) {
      console.warn('Imported with warnings', warnings);
    }

    return true;
  } catch (failure) {
    say(translate('The file could not be opened: {message}', { message: failure instanceof Error ? failure.message : String(failure) }), 'error');
    return false;
  }
}

async function exportXml(): Promise<string> {
  const { xml } = await modeler.saveXML({ format: true });
  return xml ?? '';
}

async function loadDefinitions(): Promise<void> {
  const definitions = await api.listDefinitions();
  toolbar.definition.replaceChildren(new Option(translate('Choose a process'), ''),
    ...definitions.map(d => new Option(d.name ? `${d.name} (${d.key})` : d.key, d.key)));
}

async function loadVersions(key: string): Promise<void> {
  toolbar.version.replaceChildren(new Option(translate('Latest version'), ''));
  if (key) {
    const versions = await api.listVersions(key);
    toolbar.version.append(...versions.map(v => new Option(
      translate('Version {version} ({active} running, {completed} completed)', { version: v.version, active: v.activeCases, completed: v.completedCases }),
      String(v.version))));
  }
}

async function openSelected(): Promise<void> {
  const key = toolbar.definition.value;
  if (!key) {
    return;
  }

  const version = toolbar.version.value ? Number(toolbar.version.value) : undefined;
  const latest = (await api.listVersions(key))[0]?.version ?? 0;
  if (await importXml(await api.fetchXml(key, version))) {
    basedOn = { key, version: latest };
    say(translate('Opened {key} version {version}.', { key, version: version ?? translate('Latest version') }));
  }
}

async function upload(file: File): Promise<void> {
  const text = await file.text();
  const refusal = checkUploadedText(text);
  if (refusal) {
    problems.clear();
    say(translate(refusal), 'error');
    return;
  }

  if (await importXml(text)) {
    basedOn = null;
    say(file.name);
  }
}

function download(xml: string): void {
  const definitions = modeler.getDefinitions() as { rootElements?: { $type: string; id: string }[] };
  const process = definitions.rootElements?.find(root => root.$type === 'bpmn:Process');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  link.download = `${process?.id ?? 'diagram'}.bpmn`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The id of the diagram's (first) process, which the server versions it by. */
function processId(): string | undefined {
  const definitions = modeler.getDefinitions() as { rootElements?: { $type: string; id: string }[] };
  return definitions.rootElements?.find(root => root.$type === 'bpmn:Process')?.id;
}

async function deploy(): Promise<void> {
  const outcome = await api.deploy(await exportXml(), basedOn && basedOn.key === processId() ? basedOn.version : undefined);
  if (outcome.ok) {
    problems.clear();
    basedOn = { key: outcome.key, version: outcome.version };
    renderChangeList(changeList, outcome.created ? outcome.previousVersion : null, outcome.changes, translate);
    say(outcome.created
      ? translate('Deployed {key} version {version}.', { key: outcome.key, version: outcome.version })
      : translate('{key} is unchanged: version {version} is already deployed.', { key: outcome.key, version: outcome.version }));
    await loadDefinitions();
    return;
  }

  say(`${translate('The server refused the file:')} ${outcome.detail ?? outcome.title}`, 'error');
  problems.show(outcome.errors);
}

function switchLanguage(next: Language): void {
  exportXml().then(xml => {
    sessionStorage.setItem(pendingXmlKey, xml);
    rememberLanguage(next);
    window.location.reload();
  }).catch(() => {
    rememberLanguage(next);
    window.location.reload();
  });
}

/** Runs a toolbar action, turning a failed request into a message rather than an unhandled rejection. */
function act(action: () => Promise<void>): () => void {
  return () => {
    action().catch((failure: unknown) => say(
      failure instanceof api.ApiError
        ? translate('Request failed: {status} {message}', { status: failure.status, message: failure.message })
        : String(failure), 'error'));
  };
}

const migration = new MigrationDialog(document.body, translate, key => loadVersions(key));
toolbar.migrate.addEventListener('click', act(async () => {
  if (!toolbar.definition.value) {
    say(translate('Choose a process first.'), 'error');
    return;
  }

  await migration.open(toolbar.definition.value);
}));

const commandStack = modeler.get('commandStack') as { undo(): void; redo(): void };
toolbar.definition.addEventListener('change', act(() => loadVersions(toolbar.definition.value)));
toolbar.open.addEventListener('click', act(openSelected));
toolbar.newDiagram.addEventListener('click', act(async () => {
  if (await importXml(newDiagramXml())) {
    basedOn = null;
  }
}));
toolbar.upload.addEventListener('change', act(async () => {
  const file = toolbar.upload.files?.[0];
  toolbar.upload.value = '';
  if (file) {
    await upload(file);
  }
}));
toolbar.download.addEventListener('click', act(async () => download(await exportXml())));
toolbar.deploy.addEventListener('click', act(deploy));
toolbar.undo.addEventListener('click', () => commandStack.undo());
toolbar.redo.addEventListener('click', () => commandStack.redo());
toolbar.simulation.addEventListener('click', () => (modeler.get('toggleMode') as { toggleMode(): void }).toggleMode());
toolbar.minimap.addEventListener('click', () => (modeler.get('minimap') as { toggle(): void }).toggle());
toolbar.language.addEventListener('change', () => switchLanguage(toolbar.language.value === 'en' ? 'en' : 'zh-CN'));

async function start(): Promise<void> {
  const pending = sessionStorage.getItem(pendingXmlKey);
  sessionStorage.removeItem(pendingXmlKey);
  await importXml(pending ?? newDiagramXml());
  const supported = await api.fetchSupportedElements<SupportedElements>();
  (modeler.get('linting') as { setLinterConfig(config: unknown): void }).setLinterConfig(createLinterConfig(supported));
  const refused = loadTemplates(modeler as unknown as TemplateServices, await api.fetchElementTemplates<ElementTemplate>(language));
  if (refused.length > 0) {
    console.error('Element templates refused', refused);
  }

  (modeler.get('deployedForms') as DeployedForms).set(await api.listForms());
  await loadDefinitions();
  document.body.dataset.ready = 'true';
}

/** For scripted use (and the browser tests): the modeler and the page's own import, export and deploy. */
Object.assign(window, {
  brandsDesigner: {
    modeler,
    importXml,
    exportXml,
    deploy,
    lint: () => (modeler.get('linting') as { lint(): Promise<Record<string, { id: string; message: string; category: string }[]>> }).lint(),
    /** Lints a file without showing it (it may have no diagram to show), with the editor's rules. */
    lintXml: async (xml: string) => {
      const moddle = modeler.get('moddle') as { fromXML(xml: string): Promise<{ rootElement: unknown }> };
      const { rootElement } = await moddle.fromXML(xml);
      const config = (modeler.get('linting') as { getLinterConfig(): { config: unknown; resolver: unknown } }).getLinterConfig();
      return new Linter(config).lint(rootElement);
    },
  },
});

start().catch((failure: unknown) => say(String(failure), 'error'));
