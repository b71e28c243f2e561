import { describe, expect, it } from 'vitest';
import { createTranslate } from '../src/i18n/translate';
import { describeChange } from '../src/modeler/change-list';
import { formRefOptions } from '../src/panel/form-ref-options';
import { withoutUnexecutedGroups } from '../src/panel/unexecuted-groups';

describe('describeChange', () => {
  it('names a changed reminder with its element and what changed, in Chinese', () => {
    const line = describeChange({
      elementId: 'Remind', kind: 'boundaryEvent', name: '提醒', changeKind: 'changed',
      details: ['timerEventDefinition/timeCycle: R/P3D → R/P1D'],
    }, createTranslate('zh-CN'));

    expect(line).toBe('修改 边界事件 提醒 (Remind): timerEventDefinition/timeCycle: R/P3D → R/P1D');
  });

  it('names an added element without a name by its id, in English', () => {
    const line = describeChange({ elementId: 'Done', kind: 'endEvent', changeKind: 'added', details: [] }, createTranslate('en'));

    expect(line).toBe('Added endEvent Done');
  });
});

describe('formRefOptions', () => {
  const forms = [{ id: 'review-form', version: 3 }, { id: 'apply-form', version: 1 }];

  it('offers none and every saved form with its version', () => {
    expect(formRefOptions(forms, 'review-form', createTranslate('zh-CN'))).toEqual([
      { value: '', label: '<无>' },
      { value: 'review-form', label: 'review-form（版本 3）' },
      { value: 'apply-form', label: 'apply-form（版本 1）' },
    ]);
  });

  it('keeps a form the diagram names but the server does not have, saying so', () => {
    const options = formRefOptions(forms, 'missing-form', createTranslate('en'));

    expect(options.at(-1)).toEqual({ value: 'missing-form', label: 'missing-form (not saved)' });
    expect(options).toHaveLength(4);
  });
});

describe('withoutUnexecutedGroups', () => {
  it('drops connectors, field injection and generated form fields, and keeps what the engine executes', () => {
    const groups = ['general', 'CamundaPlatform__UserAssignment', 'CamundaPlatform__ConnectorInput', 'CamundaPlatform__FieldInjection',
      'CamundaPlatform__FormData', 'CamundaPlatform__Form', 'CamundaPlatform__Input', 'CamundaPlatform__ExternalTask'].map(id => ({ id }));

    expect(withoutUnexecutedGroups(groups).map(group => group.id))
      .toEqual(['general', 'CamundaPlatform__UserAssignment', 'CamundaPlatform__Form', 'CamundaPlatform__Input']);
  });
});
