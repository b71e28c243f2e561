import type { TranslateFunction } from '../i18n/translate';
import type { DeployedForm } from './deployed-forms';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * The choices of the form chooser: none, then every saved form by id; a form the diagram names that is not saved
 * (yet) stays listed and says so, so opening a diagram never loses its form reference.
 */
export function formRefOptions(forms: readonly DeployedForm[], current: string | undefined, translate: TranslateFunction): SelectOption[] {
  const options: SelectOption[] = [{ value: '', label: translate('<none>') }];
  options.push(...forms.map(form => ({ value: form.id, label: translate('{id} (version {version})', { id: form.id, version: form.version }) })));
  if (current && !forms.some(form => form.id === current)) {
    options.push({ value: current, label: translate('{id} (not saved)', { id: current }) });
  }

  return options;
}
