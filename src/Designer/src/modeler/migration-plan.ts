import type { TranslateFunction } from '../i18n/translate';
import type { MigrationResult, UnmappedElement } from '../shared/api';

/**
 * The mapping the administrator confirmed: each unmapped element with the target chosen for it; an element left on
 * "not mapped" is left out, and the server refuses the cases that wait there (README "Migrating running cases").
 */
export function confirmedMapping(unmapped: UnmappedElement[], choices: Record<string, string>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const element of unmapped) {
    const target = choices[element.elementId];
    if (target) {
      mapping[element.elementId] = target;
    }
  }

  return mapping;
}

/** The target chosen first for an unmapped element: its only candidate, else none (the administrator decides). */
export function proposedTarget(element: UnmappedElement): string {
  return element.candidates.length === 1 ? element.candidates[0]! : '';
}

/** The kind of an element as the dialog shows it: "userTask" → 用户任务, "boundaryEvent:timer" → 边界事件 (timer). */
export function describeKind(kind: string, translate: TranslateFunction): string {
  const [element, ...details] = kind.split(':');
  return details.length === 0 ? translate(element!) : `${translate(element!)} (${details.map(d => translate(d)).join(', ')})`;
}

/** One line per case: migrated, or refused with the server's reasons. */
export function describeResult(result: MigrationResult, translate: TranslateFunction): { caseId: string; ok: boolean; text: string }[] {
  return [
    ...result.migrated.map(caseId => ({
      caseId,
      ok: true,
      text: translate('Case {id} now runs on version {version}.', { id: caseId, version: result.targetVersion }),
    })),
    ...result.refused.map(refusal => ({
      caseId: refusal.caseId,
      ok: false,
      text: translate('Case {id} was not migrated: {reasons}', { id: refusal.caseId, reasons: refusal.problems.map(p => p.message).join(' ') }),
    })),
  ];
}
