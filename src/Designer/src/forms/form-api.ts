import type { FormSchema } from './form-schema';

/** One form in the list: its latest version (GET /api/forms). */
export interface FormSummary {
  id: string;
  version: number;
  savedBy: string;
  savedAt: string;
}

export type SaveOutcome =
  | { ok: true; created: boolean; id: string; version: number }
  | { ok: false; status: number; detail: string };

async function request(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (response.status === 401) {
    window.location.assign(`/designer/sign-in?returnUrl=${encodeURIComponent(window.location.pathname)}`);
  }

  return response;
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const problem = await response.json() as { detail?: string; title?: string };
    return problem.detail ?? problem.title ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

export async function listForms(): Promise<FormSummary[]> {
  const response = await request('/api/forms');
  if (!response.ok) {
    throw new Error(await problemDetail(response));
  }

  return response.json() as Promise<FormSummary[]>;
}

export async function fetchForm(id: string): Promise<FormSchema> {
  const response = await request(`/api/forms/${encodeURIComponent(id)}`);
  if (!response.ok) {
    throw new Error(await problemDetail(response));
  }

  return response.json() as Promise<FormSchema>;
}

export async function saveForm(schema: FormSchema): Promise<SaveOutcome> {
  const response = await request('/api/forms', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(schema),
  });
  if (!response.ok) {
    return { ok: false, status: response.status, detail: await problemDetail(response) };
  }

  const saved = await response.json() as { id: string; version: number };
  return { ok: true, created: response.status === 201, ...saved };
}
