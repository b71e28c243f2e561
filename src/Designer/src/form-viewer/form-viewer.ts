import { Form } from '@bpmn-io/form-js-viewer';
import formCss from '@bpmn-io/form-js-viewer/dist/assets/form-js.css?inline';
import { errorsById, withHostErrors, type FieldIdentity } from './errors-by-id';

/** What a shown form offers the page around it. */
export interface FormHandle {
  /** The values entered and the errors form-js finds in the browser (the host checks again on completion). */
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
  /** Shows the host's errors by field key (the `errors` of a 400 answer) beside the fields. */
  setErrors(errors: Record<string, string[]>): void;
  destroy(): void;
}

let stylesAdded = false;

/** The viewer is used on other pages (the inbox), so it brings its own styles rather than relying on a link. */
function addStyles(): void {
  if (!stylesAdded) {
    const style = document.createElement('style');
    style.textContent = formCss;
    document.head.append(style);
    stylesAdded = true;
  }
}

interface EventBus {
  on(event: string, callback: () => void): void;
  off(event: string, callback: () => void): void;
}

interface FormState {
  errors: Record<string, unknown>;
}

/** Renders a form-js schema with its data into `container`, as staff see a task's form (README "Forms"). */
export async function showForm(container: HTMLElement, schema: object, data: Record<string, unknown> = {}): Promise<FormHandle> {
  addStyles();
  const form = new Form({ container });
  await form.importSchema(schema as never, data);
  return {
    submit: () => form.submit() as { data: Record<string, unknown>; errors: Record<string, unknown> },
    setErrors: errors => {
      const fields = (form.get('formFieldRegistry') as { getAll(): FieldIdentity[] }).getAll();
      const host = errorsById(fields, errors);
      const apply = (): void => {
        const next = withHostErrors((form._getState() as FormState).errors, host);
        if (next !== null) {
          form._setState({ errors: next });
        }
      };
      apply();
      // Until the user types or picks something, keep the host's messages over form-js's own first validation
      // (which also runs when a field normalises the value it was given).
      const events = form.get('eventBus') as EventBus;
      events.on('changed', apply);
      const stop = (): void => events.off('changed', apply);
      container.addEventListener('input', stop, { once: true });
      container.addEventListener('change', stop, { once: true });
    },
    destroy: () => form.destroy(),
  };
}
