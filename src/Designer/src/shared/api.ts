/**
 * The host's HTTP API (README "API"), called with the administrator's sign-in cookie: the designer page is only
 * served to a signed-in administrator, and requests from it carry the cookie.
 */

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name?: string | null;
  deployedAt: string;
}

/** A version in the versions list, with how many of its cases are in each status. */
export interface VersionSummary extends DefinitionSummary {
  activeCases: number;
  completedCases: number;
  terminatedCases: number;
}

/** An element added, removed or changed since the previous version (computed by the server on deploy). */
export interface ElementChange {
  elementId: string;
  kind: string;
  name?: string | null;
  changeKind: 'added' | 'removed' | 'changed';
  details: string[];
}

export interface BpmnError {
  elementId?: string | null;
  line?: number | null;
  message: string;
}

export type DeployOutcome =
  | { ok: true; created: boolean; key: string; version: number; previousVersion: number | null; changes: ElementChange[] }
  | { ok: false; status: number; title: string; detail?: string; errors: BpmnError[] };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function request(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (response.status === 401) {
    window.location.assign(`/designer/sign-in?returnUrl=${encodeURIComponent(window.location.pathname)}`);
  }

  return response;
}

async function ensureOk(response: Response): Promise<Response> {
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json() as { detail?: string; title?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // Not a problem document: the status text says enough.
    }

    throw new ApiError(response.status, detail);
  }

  return response;
}

export async function listDefinitions(): Promise<DefinitionSummary[]> {
  return (await ensureOk(await request('/api/definitions'))).json() as Promise<DefinitionSummary[]>;
}

export async function listVersions(key: string): Promise<VersionSummary[]> {
  return (await ensureOk(await request(`/api/definitions/${encodeURIComponent(key)}/versions`))).json() as Promise<VersionSummary[]>;
}

/** The element templates of the host's registered handlers (README "Element templates"), in the page's language. */
export async function fetchElementTemplates<T>(language: string): Promise<T[]> {
  return (await ensureOk(await request(`/api/definitions/element-templates?language=${encodeURIComponent(language)}`))).json() as Promise<T[]>;
}

/** The saved forms, latest version of each (README "Forms"). */
export async function listForms(): Promise<{ id: string; version: number }[]> {
  return (await ensureOk(await request('/api/forms'))).json() as Promise<{ id: string; version: number }[]>;
}

export async function fetchXml(key: string, version?: number): Promise<string> {
  const path = version === undefined
    ? `/api/definitions/${encodeURIComponent(key)}/xml`
    : `/api/definitions/${encodeURIComponent(key)}/versions/${version}/xml`;
  return (await ensureOk(await request(path))).text();
}

export async function fetchSupportedElements<T>(): Promise<T> {
  return (await ensureOk(await request('/api/definitions/supported-elements'))).json() as Promise<T>;
}

/**
 * Deploys the diagram. With <code>basedOnVersion</code> (the latest version the administrator opened; 0 for a new
 * process) the server refuses with 409 when someone else deployed a later version meanwhile.
 */
export async function deploy(xml: string, basedOnVersion?: number): Promise<DeployOutcome> {
  const query = basedOnVersion === undefined ? '' : `?basedOnVersion=${basedOnVersion}`;
  const response = await request(`/api/definitions${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/xml' },
    body: xml,
  });
  if (response.ok) {
    const body = await response.json() as { key: string; version: number; previousVersion?: number | null; changes?: ElementChange[] };
    return {
      ok: true,
      created: response.status === 201,
      key: body.key,
      version: body.version,
      previousVersion: body.previousVersion ?? null,
      changes: body.changes ?? [],
    };
  }

  let problem: { title?: string; detail?: string; errors?: unknown } = {};
  try {
    problem = await response.json() as typeof problem;
  } catch {
    // An empty or non-JSON answer: report the status alone.
  }

  return {
    ok: false,
    status: response.status,
    title: problem.title ?? response.statusText,
    detail: problem.detail,
    errors: Array.isArray(problem.errors) ? problem.errors as BpmnError[] : [],
  };
}

export async function signIn(userName: string, password: string): Promise<void> {
  await ensureOk(await fetch('/api/auth/login?useCookies=true', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  }));
}

/** One element of the source version and the target element it becomes (README "Migrating running cases"). */
export interface ElementMapping {
  sourceElementId: string;
  targetElementId: string;
  kind: string;
}

/** An element where running cases wait that the automatic mapping leaves open, with the target's elements of its kind. */
export interface UnmappedElement {
  elementId: string;
  name?: string | null;
  kind: string;
  waitingCases: number;
  candidates: string[];
}

export interface MigrationPlan {
  key: string;
  sourceDefinitionId: string;
  sourceVersion: number;
  targetDefinitionId: string;
  targetVersion: number;
  activeCases: number;
  mappings: ElementMapping[];
  unmapped: UnmappedElement[];
  targetElements: { id: string; name?: string | null; kind: string }[];
}

export interface MigrationResult {
  targetDefinitionId: string;
  targetVersion: number;
  migrated: string[];
  refused: { caseId: string; problems: { elementId?: string | null; message: string }[] }[];
}

export async function fetchMigrationPlan(sourceId: string, targetId: string): Promise<MigrationPlan> {
  const path = `/api/definitions/${encodeURIComponent(sourceId)}/migration-plan?target=${encodeURIComponent(targetId)}`;
  return (await ensureOk(await request(path))).json() as Promise<MigrationPlan>;
}

/** Migrates the running cases of <code>sourceId</code> (all of them, or <code>caseIds</code>) with the confirmed mapping. */
export async function migrateCases(sourceId: string, targetDefinitionId: string, mapping: Record<string, string>, caseIds?: string[]): Promise<MigrationResult> {
  const response = await request(`/api/definitions/${encodeURIComponent(sourceId)}/migrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ targetDefinitionId, mapping, caseIds }),
  });
  return (await ensureOk(response)).json() as Promise<MigrationResult>;
}
