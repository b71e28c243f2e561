import { describe, expect, it } from 'vitest';
import { errorsById } from '../src/form-viewer/errors-by-id';

describe('errorsById', () => {
  it('puts the host errors, keyed by field key, on the form-js field ids', () => {
    const fields = [{ id: 'Field_1abc', key: 'score' }, { id: 'Field_2def', key: 'applicant.name' }, { id: 'Text_3' }];

    const errors = errorsById(fields, { score: ['At most 100.'], 'applicant.name': ['This field is required.'] });

    expect(errors).toEqual({ Field_1abc: ['At most 100.'], Field_2def: ['This field is required.'] });
  });

  it('leaves out errors of keys the form has no field for', () => {
    expect(errorsById([{ id: 'Field_1', key: 'score' }], { 'variables.province': ['set by the host'] })).toEqual({});
  });
});
