import type { TranslateFunction } from '../i18n/translate';
import * as api from '../shared/api';
import { confirmedMapping, describeKind, describeResult, proposedTarget } from './migration-plan';

/**
 * The "migrate running cases" dialog of the lifecycle toolbar (README "Migrating running cases"): pick the version
 * the cases run on and the version to move them to, see what maps by id and confirm a target for each element where
 * cases wait that does not, run it, and read the outcome case by case. The server checks everything again.
 */
export class MigrationDialog {
  private readonly dialog: HTMLDialogElement;
  private key = '';
  private plan: api.MigrationPlan | null = null;

  constructor(host: HTMLElement, private readonly translate: TranslateFunction, private readonly onMigrated: (key: string) => Promise<void>) {
    this.dialog = document.createElement('dialog');
    this.dialog.id = 'migration-dialog';
    this.dialog.className = 'migration-dialog';
    this.dialog.innerHTML = `
      <h2>${translate('Migrate running cases')}</h2>
      <p class="migration-process"></p>
      <div class="migration-versions">
        <label>${translate('From version')} <select id="migration-source"></select></label>
        <label>${translate('To version')} <select id="migration-target"></select></label>
        <button id="migration-plan-button" type="button">${translate('Show the mapping')}</button>
      </div>
      <section id="migration-plan" hidden>
        <p id="migration-summary"></p>
        <h3>${translate('Elements to confirm')}</h3>
        <p id="migration-nothing-to-confirm" hidden>${translate('Every element where cases wait maps by id.')}</p>
        <table id="migration-unmapped"><tbody></tbody></table>
        <details><summary>${translate('Mapped by id')}</summary><ul id="migration-automatic"></ul></details>
      </section>
      <ul id="migration-results"></ul>
      <p id="migration-error" class="error" role="alert"></p>
      <div class="migration-actions">
        <button id="migration-run-button" type="button" class="primary" disabled>${translate('Migrate')}</button>
        <button id="migration-close-button" type="button">${translate('Close')}</button>
      </div>`;
    host.append(this.dialog);
    this.element<HTMLButtonElement>('migration-plan-button').addEventListener('click', () => this.guard(() => this.showPlan()));
    this.element<HTMLButtonElement>('migration-run-button').addEventListener('click', () => this.guard(() => this.run()));
    this.element<HTMLButtonElement>('migration-close-button').addEventListener('click', () => this.dialog.close());
  }

  /** Opens the dialog for process <code>key</code>: versions with running cases to move from, any other to move to. */
  async open(key: string): Promise<void> {
    this.key = key;
    this.reset();
    const versions = await api.listVersions(key);
    const latest = versions[0];
    this.dialog.querySelector('.migration-process')!.textContent = key;
    const label = (v: api.VersionSummary) => this.translate('Version {version} ({active} running)', { version: v.version, active: v.activeCases });
    this.element<HTMLSelectElement>('migration-source').replaceChildren(...versions.filter(v => v.activeCases > 0)
      .map(v => new Option(label(v), v.id, false, v.id !== latest?.id)));
    this.element<HTMLSelectElement>('migration-target').replaceChildren(...versions.map(v => new Option(label(v), v.id, false, v.id === latest?.id)));
    this.dialog.showModal();
  }

  private reset(): void {
    this.plan = null;
    this.element('migration-plan').hidden = true;
    this.element('migration-results').replaceChildren();
    this.element('migration-error').textContent = '';
    this.element<HTMLButtonElement>('migration-run-button').disabled = true;
  }

  private async showPlan(): Promise<void> {
    this.reset();
    const source = this.element<HTMLSelectElement>('migration-source').value;
    const target = this.element<HTMLSelectElement>('migration-target').value;
    if (!source) {
      throw new Error(this.translate('No version of {key} has running cases.', { key: this.key }));
    }

    const plan = this.plan = await api.fetchMigrationPlan(source, target);
    this.element('migration-summary').textContent = this.translate('{count} running cases on version {from} would move to version {to}.',
      { count: plan.activeCases, from: plan.sourceVersion, to: plan.targetVersion });
    this.element('migration-nothing-to-confirm').hidden = plan.unmapped.length > 0;
    this.element('migration-unmapped').querySelector('tbody')!.replaceChildren(...plan.unmapped.map(element => this.unmappedRow(element)));
    this.element('migration-automatic').replaceChildren(...plan.mappings.map(m => {
      const item = document.createElement('li');
      item.textContent = `${m.sourceElementId} → ${m.targetElementId} · ${describeKind(m.kind, this.translate)}`;
      return item;
    }));
    this.element('migration-plan').hidden = false;
    this.element<HTMLButtonElement>('migration-run-button').disabled = plan.activeCases === 0;
  }

  private unmappedRow(element: api.UnmappedElement): HTMLTableRowElement {
    const row = document.createElement('tr');
    row.dataset.elementId = element.elementId;
    const described = document.createElement('td');
    described.textContent = this.translate('{element} · {kind} · {count} cases wait here', {
      element: element.name ? `${element.name} (${element.elementId})` : element.elementId,
      kind: describeKind(element.kind, this.translate),
      count: element.waitingCases,
    });
    const select = document.createElement('select');
    select.className = 'migration-choice';
    select.dataset.elementId = element.elementId;
    select.setAttribute('aria-label', this.translate('Target for {id}', { id: element.elementId }));
    select.append(new Option(this.translate('Not mapped'), ''), ...element.candidates.map(id => new Option(id, id)));
    select.value = proposedTarget(element);
    const choice = document.createElement('td');
    choice.append(select);
    row.append(described, choice);
    return row;
  }

  private async run(): Promise<void> {
    const plan = this.plan;
    if (!plan) {
      return;
    }

    const choices: Record<string, string> = {};
    this.dialog.querySelectorAll<HTMLSelectElement>('select.migration-choice').forEach(select => {
      choices[select.dataset.elementId!] = select.value;
    });
    const result = await api.migrateCases(plan.sourceDefinitionId, plan.targetDefinitionId, confirmedMapping(plan.unmapped, choices));
    this.element('migration-results').replaceChildren(...describeResult(result, this.translate).map(line => {
      const item = document.createElement('li');
      item.className = line.ok ? 'migration-migrated' : 'migration-refused';
      item.dataset.caseId = line.caseId;
      item.textContent = line.text;
      return item;
    }));
    this.element<HTMLButtonElement>('migration-run-button').disabled = true;
    await this.onMigrated(this.key);
  }

  private guard(action: () => Promise<void>): void {
    this.element('migration-error').textContent = '';
    action().catch((failure: unknown) => {
      this.element('migration-error').textContent = failure instanceof Error ? failure.message : String(failure);
    });
  }

  private element<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.dialog.querySelector<T>(`#${id}`)!;
  }
}
