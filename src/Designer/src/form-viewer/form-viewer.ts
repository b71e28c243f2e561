import { Form } from '@bpmn-io/form-js-viewer';
import formCss from '@bpmn-io/form-js-viewer/dist/assets/form-js.css?inline';
import { errorsById, type FieldIdentity } from './errors-by-id';

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

interface FormState {
  errors: Record<string, string[]>;
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
      form._setState({ errors: errorsById(fields, errors) } satisfies FormState);
    },
    destroy: () => form.destroy(),
  };
}
