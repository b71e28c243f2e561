/** A form-js field as its registry holds it: its generated id, and the key its value is submitted under. */
export interface FieldIdentity {
  id: string;
  key?: string;
}

/**
 * The host answers field errors by field key (README "Forms"); form-js shows errors by field id. Errors whose key
 * names no field (a value the form does not have) are left out: the page lists every error in words anyway.
 */
export function errorsById(fields: FieldIdentity[], errorsByKey: Record<string, string[]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const field of fields) {
    const messages = field.key === undefined ? undefined : errorsByKey[field.key];
    if (messages !== undefined && messages.length > 0) {
      result[field.id] = messages;
    }
  }

  return result;
}
