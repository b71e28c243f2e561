import { describe, expect, it } from 'vitest';
import { createTranslate } from '../src/i18n/translate';
import { confirmedMapping, describeKind, describeResult, proposedTarget } from '../src/modeler/migration-plan';

const review = { elementId: 'review', name: '初审', kind: 'userTask', waitingCases: 2, candidates: ['check'] };
const remind = { elementId: 'remind', kind: 'boundaryEvent:timer', waitingCases: 1, candidates: ['deadline', 'reminder'] };

describe('confirmedMapping', () => {
  it('takes the chosen target of each unmapped element and leaves out those left unmapped', () => {
    expect(confirmedMapping([review, remind], { review: 'check', remind: '' })).toEqual({ review: 'check' });
  });

  it('ignores choices for elements the plan does not list', () => {
    expect(confirmedMapping([review], { review: 'check', start: 'begin' })).toEqual({ review: 'check' });
  });
});

describe('proposedTarget', () => {
  it('proposes the only candidate of the same kind and nothing when there are several', () => {
    expect(proposedTarget(review)).toBe('check');
    expect(proposedTarget(remind)).toBe('');
  });
});

describe('describeKind', () => {
  it('names the element and what its event waits for, in Chinese and English', () => {
    expect(describeKind('boundaryEvent:timer', createTranslate('zh-CN'))).toBe('边界事件 (定时器)');
    expect(describeKind('userTask:parallel-multi-instance', createTranslate('zh-CN'))).toBe('用户任务 (并行多实例)');
    expect(describeKind('userTask', createTranslate('en'))).toBe('userTask');
  });
});

describe('describeResult', () => {
  it('says which cases moved and why the others did not', () => {
    const lines = describeResult({
      targetDefinitionId: 'simple:2',
      targetVersion: 2,
      migrated: ['a'],
      refused: [{ caseId: 'b', problems: [{ elementId: 'review', message: 'The case waits at \'review\'.' }] }],
    }, createTranslate('zh-CN'));

    expect(lines).toEqual([
      { caseId: 'a', ok: true, text: '案件 a 已迁移到版本 2。' },
      { caseId: 'b', ok: false, text: '案件 b 未迁移：The case waits at \'review\'.' },
    ]);
  });
});
