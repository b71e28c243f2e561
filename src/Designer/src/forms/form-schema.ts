/**
 * A form-js schema as the host stores it (README "Forms"): its `id` is the form id; `components` are the fields.
 * Only the parts our screens read are typed; the rest passes through untouched.
 */
export interface FormSchema {
  id: string;
  type: string;
  components: Array<Record<string, unknown>>;
  [property: string]: unknown;
}

/** The rule the host applies to form ids (README "Forms"), checked before a request is sent. */
export const formIdPattern = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

/** An empty form with the given id, ready for the editor. */
export function newFormSchema(id: string): FormSchema {
  if (!formIdPattern.test(id)) {
    throw new RangeError(`'${id}' is not a valid form id`);
  }

  return { id, type: 'default', components: [] };
}
