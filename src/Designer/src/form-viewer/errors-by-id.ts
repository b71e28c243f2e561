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

/**
 * The form's errors with the host's put on their fields, or null when they are there already. form-js validates
 * a field with a value once it is shown, which would replace the host's message by its own: the page puts the
 * host's back until the user edits a field.
 */
export function withHostErrors(
  current: Record<string, unknown>,
  host: Record<string, string[]>,
): Record<string, unknown> | null {
  const missing = Object.entries(host).some(([id, messages]) => {
    const shown = current[id];
    return !Array.isArray(shown) || shown.length !== messages.length || shown.some((message, i) => message !== messages[i]);
  });
  return missing ? { ...current, ...host } : null;
}
